using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/memorandum [organization yes|no]</c>: an admin marks whether an organisation has a cooperation memorandum with the
/// university; without arguments it lists the organisations and their flag.
/// </summary>
public sealed class MemorandumCommand(Memoranda memoranda) : ICommand
{
    private static readonly string[] Yes = ["yes", "да", "ооба"];
    private static readonly string[] No = ["no", "нет", "жок"];

    public string Name => "memorandum";
    public Roles AllowedRoles => Roles.Admin;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var words = ctx.Words;
        if (words.Length == 0)
        {
            var all = await memoranda.ListAsync(ct);
            return all.Count == 0
                ? Reply.With(OutgoingMessage.Of(Text.Of("memorandum.none"), Text.Of("memorandum.usage")))
                : Reply.With(OutgoingMessage.Of(
                    [Text.Of("memorandum.title"), .. all.Select(o => Text.Of(o.HasMemorandum ? "memorandum.line.yes" : "memorandum.line.no").With("name", o.Name)), Text.Of("memorandum.usage")]));
        }

        var answer = words[^1].ToLowerInvariant();
        bool? says = Yes.Contains(answer) ? true : No.Contains(answer) ? false : null;
        if (words.Length < 2 || says is not { } hasMemorandum)
        {
            return Reply.With("memorandum.usage");
        }

        var result = await memoranda.SetAsync(string.Join(' ', words[..^1]), hasMemorandum, ct);
        return result switch
        {
            MemorandumResult.Set { Changed: false } s => Reply.With(Text.Of(hasMemorandum ? "memorandum.already.yes" : "memorandum.already.no").With("name", s.Organization.Name)),
            MemorandumResult.Set s => Reply.With(Text.Of(hasMemorandum ? "memorandum.set.yes" : "memorandum.set.no").With("name", s.Organization.Name)),
            MemorandumResult.Unknown { Similar.Count: > 0 } u => Reply.With(Text.Of("memorandum.unknown_similar").With("name", u.Name)
                .WithLines("names", u.Similar.Select(n => Text.Of("memorandum.similar").With("name", n)))),
            MemorandumResult.Unknown u => Reply.With(Text.Of("memorandum.unknown").With("name", u.Name)),
            _ => throw new InvalidOperationException($"Unhandled {result.GetType().Name}"),
        };
    }
}
