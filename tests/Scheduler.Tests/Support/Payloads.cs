using CollegeBot.Domain.Messaging;

namespace CollegeBot.Scheduler.Tests.Support;

/// <summary>What a queued message says, without rendering it: its text keys and the values given to them.</summary>
public static class Payloads
{
    public static OutgoingMessage Message(OutboxMessage row) => OutgoingMessage.FromJson(row.Payload);

    /// <summary>The keys of the message's parts, in order.</summary>
    public static IReadOnlyList<string> Keys(OutboxMessage row) => [.. Message(row).Parts.Select(p => p.Key)];

    /// <summary>Every key and every typed value, nested ones included, depth first.</summary>
    public static IReadOnlyList<string> Words(OutboxMessage row) => [.. Message(row).Parts.SelectMany(Walk)];

    /// <summary>The words (<see cref="Words"/>) of each text with <paramref name="key"/> anywhere in the message, in order.</summary>
    public static IReadOnlyList<string> Lines(OutboxMessage row, string key) =>
        [.. Message(row).Parts.SelectMany(Texts).Where(t => t.Key == key).Select(t => string.Join(" | ", Walk(t).Skip(1)))];

    private static IEnumerable<Text> Texts(Text text) =>
        (text.Args?.Values ?? []).SelectMany(arg => arg switch
        {
            TextRefArg t => Texts(t.Text),
            LinesArg l => l.Lines.SelectMany(Texts),
            ListArg j => j.Items.SelectMany(Texts),
            _ => [],
        }).Prepend(text);

    private static IEnumerable<string> Walk(Text text)
    {
        yield return text.Key;
        foreach (var arg in text.Args?.Values ?? [])
        {
            var words = arg switch
            {
                PlainArg p => [p.Value],
                NumberArg n => [n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                DateArg d => [d.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
                TextRefArg t => Walk(t.Text),
                LinesArg l => l.Lines.SelectMany(Walk),
                ListArg j => j.Items.SelectMany(Walk),
                _ => [],
            };
            foreach (var word in words)
            {
                yield return word;
            }
        }
    }
}
