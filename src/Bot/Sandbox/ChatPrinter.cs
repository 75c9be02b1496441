using System.Collections.Concurrent;
using CollegeBot.Domain.People;
using CollegeBot.FakeTelegram;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// Prints what the bot delivers to anyone, as it arrives at the fake Telegram: to whom (name, roles, language), the text
/// as the person sees it, and the buttons numbered. Remembers each person's last message with buttons for <c>press</c>,
/// and what was delivered since the last command for <c>expect</c>.
/// </summary>
internal sealed class ChatPrinter
{
    private readonly ConcurrentQueue<BotOperation> arrived = new();
    private readonly Dictionary<long, DemoPerson> byChat;
    private readonly Dictionary<long, int> lastWithButtons = [];
    private readonly List<(DemoPerson To, string Text)> sinceMark = [];
    private readonly TextWriter output;
    private string? heading;

    public ChatPrinter(IEnumerable<DemoPerson> people, TextWriter output)
    {
        byChat = people.ToDictionary(p => p.TelegramUserId);
        this.output = output;
    }

    /// <summary>Called by the fake server under its lock: only queues.</summary>
    public void OnOperation(BotOperation operation) => arrived.Enqueue(operation);

    /// <summary>A line printed before the next delivery, if one comes (the sandbox time when jobs ran).</summary>
    public void HeadNextWith(string? line) => heading = line;

    /// <summary>A person's language changed (/language): later lines say the new one.</summary>
    public void Update(DemoPerson person) => byChat[person.TelegramUserId] = person;

    /// <summary>Prints every delivery that arrived and was not printed yet; returns how many.</summary>
    public int Flush()
    {
        var count = 0;
        while (arrived.TryDequeue(out var operation))
        {
            if (!byChat.TryGetValue(operation.ChatId, out var person))
            {
                continue;
            }

            if (heading is not null)
            {
                output.WriteLine(heading);
                heading = null;
            }

            Print(operation, person);
            count++;
        }

        return count;
    }

    /// <summary>Starts a new window for <c>expect</c>.</summary>
    public void Mark() => sinceMark.Clear();

    /// <summary>Whether a message delivered since the last mark (to <paramref name="to"/>, when given) contains the text.</summary>
    public bool Saw(DemoPerson? to, string text) =>
        sinceMark.Any(d => (to is null || d.To.Code == to.Code) && d.Text.Contains(text, StringComparison.CurrentCultureIgnoreCase));

    public int DeliveredSinceMark => sinceMark.Count;

    /// <summary>The id of the person's newest message that came with buttons, if any.</summary>
    public int? LastWithButtons(DemoPerson person) =>
        lastWithButtons.TryGetValue(person.TelegramUserId, out var id) ? id : null;

    public static string Describe(DemoPerson person) =>
        $"{person.FullName} ({RolesOf(person.Roles)}, {person.Language})";

    /// <summary>"curator/teacher": a person's roles, in the order /help lists them.</summary>
    public static string RolesOf(Roles roles) => string.Join("/", RoleNames.Split(roles).Select(RoleNames.NameOf));

    private void Print(BotOperation operation, DemoPerson person)
    {
        var message = operation.Message;
        if (operation.Kind == BotOperationKind.Deleted)
        {
            output.WriteLine($"✖ {Describe(person)}: message {message.MessageId} deleted");
            return;
        }

        var body = Body(message);
        var lines = body.Split('\n');
        var arrow = operation.Kind == BotOperationKind.Edited ? $"✎ {Describe(person)}, message {message.MessageId} edited" : $"→ {Describe(person)}";
        output.WriteLine($"{arrow}: {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine("    " + line);
        }

        var buttons = message.Buttons.ToList();
        if (buttons.Count > 0)
        {
            lastWithButtons[person.TelegramUserId] = message.MessageId;
            var n = 0;
            foreach (var row in message.InlineKeyboard)
            {
                output.WriteLine("    " + string.Join("  ", row.Select(b => $"[{++n}] {b.Text}")));
            }

            output.WriteLine($"    ↳ press {(n == 1 ? "1" : $"1–{n}")} (message {message.MessageId})");
        }
        else if (lastWithButtons.GetValueOrDefault(person.TelegramUserId) == message.MessageId)
        {
            lastWithButtons.Remove(person.TelegramUserId);
        }

        sinceMark.Add((person, body + "\n" + string.Join("\n", buttons.Select(b => b.Text))));
    }

    private static string Body(BotMessage message)
    {
        var text = message.TextOrCaption ?? "";
        var attachment = message.Photo is not null ? "[photo]" : message.Document is { } d ? $"[document {d.FileName}]" : null;
        return attachment is null ? text : text.Length == 0 ? attachment : $"{attachment} {text}";
    }
}
