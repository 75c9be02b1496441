using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary><c>/my</c>: the student's absences this month and every catch-up still open, with due dates.</summary>
public sealed class MyCommand(AttendanceOverview overview, CatchUpPolicy policy, CollegeCalendar calendar) : ICommand
{
    public string Name => "my";
    public Roles AllowedRoles => Roles.Student;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var month = await overview.ForStudentAsync(ctx.Person, ct);
        if (month.IsEmpty)
        {
            return Reply.With("my.nothing");
        }

        Text[] parts = [AttendanceLines.Titled("my.title", overview.MonthStart), .. AttendanceLines.Month(month, policy, calendar.Today)];
        return Reply.With(OutgoingMessage.Of(parts));
    }
}
