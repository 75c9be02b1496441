using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary><c>/child</c>: for each of the parent's children, the month's absences and the open catch-ups.</summary>
public sealed class ChildCommand(AttendanceOverview overview, CatchUpPolicy policy, CollegeCalendar calendar) : ICommand
{
    public string Name => "child";
    public Roles AllowedRoles => Roles.Parent;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var children = await overview.ForParentAsync(ctx.Person, ct);
        if (children.Count == 0)
        {
            return Reply.With("child.none");
        }

        var today = calendar.Today;
        var parts = new List<Text>();
        foreach (var month in children)
        {
            if (month.IsEmpty)
            {
                parts.Add(Text.Of("child.nothing").With("student", month.Student.FullName));
                continue;
            }

            parts.Add(AttendanceLines.Titled("child.title", overview.MonthStart).With("student", month.Student.FullName));
            parts.AddRange(AttendanceLines.Month(month, policy, today));
        }

        return Reply.With(OutgoingMessage.Of([.. parts]));
    }
}
