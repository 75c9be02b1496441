using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/my</c>: the student's absences this month and every catch-up still open, with due dates; then their placement (of
/// today, else the coming or the last one) and its diary.
/// </summary>
public sealed class MyCommand(AttendanceOverview overview, WblOverview placements, CatchUpPolicy policy, CollegeCalendar calendar) : ICommand
{
    public string Name => "my";
    public Roles AllowedRoles => Roles.Student;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var month = await overview.ForStudentAsync(ctx.Person, ct);
        var placement = await placements.ForStudentAsync(ctx.Person, ct);
        if (month.IsEmpty && placement is null)
        {
            return Reply.With("my.nothing");
        }

        Text[] parts =
        [
            AttendanceLines.Titled("my.title", overview.MonthStart),
            .. AttendanceLines.Month(month, policy, calendar.Today),
            .. placement is null ? [] : PlacementLines.ForStudent(placement),
        ];
        return Reply.With(OutgoingMessage.Of(parts));
    }
}
