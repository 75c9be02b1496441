using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/wbl</c>: the placements a supervisor supervises (an admin: all), each with its mentor, its diary's counts and
/// average grade, the last entry and review, the final review; problems first and marked ⚠️. Long lists are split into
/// several messages when sent.
/// </summary>
public sealed class WblCommand(WblOverview overview, IOptions<WorkBasedLearningOptions> options) : ICommand
{
    public string Name => "wbl";
    public Roles AllowedRoles => Roles.Supervisor | Roles.Admin;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var all = ctx.Person.Has(Roles.Admin);
        var states = await overview.ForOverseerAsync(ctx.Person, ct);
        if (states.Count == 0)
        {
            return Reply.With(Text.Of(all ? "wbl.none.all" : "wbl.none.supervisor").With("days", WblOverview.HistoryDays));
        }

        var title = Text.Of(all ? "wbl.title.all" : "wbl.title.supervisor").With("count", states.Count).With("problems", states.Count(s => s.HasProblems));
        var reminderDays = options.Value.ReviewReminderAfterDays;
        Text[] parts =
        [
            title,
            .. states.SelectMany(s => PlacementLines.ForOverseer(s, reminderDays, withSupervisor: all)),
            Text.Of("wbl.history").With("days", WblOverview.HistoryDays),
        ];
        return Reply.With(OutgoingMessage.Of(parts));
    }
}
