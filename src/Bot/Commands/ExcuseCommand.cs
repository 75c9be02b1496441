using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/excuse</c>: the student's absences that may still get an excuse, as buttons that start the <see cref="ExcuseFlow"/>.
/// With none, the answer says why: the window of <c>ExcuseSubmissionDays</c>, or an excuse already waiting.
/// </summary>
public sealed class ExcuseCommand(ExcuseDesk desk, ExcuseFlow flow) : ICommand
{
    public string Name => "excuse";
    public Roles AllowedRoles => Roles.Student;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var student = ctx.Person;
        if (!await desk.HasCuratorAsync(student, ct))
        {
            return Reply.With("excuse.no_curator");
        }

        var choices = await desk.ChoicesAsync(student, ct);
        if (choices.Open.Count > 0)
        {
            return Reply.With(await flow.StartAsync(student, choices, ct));
        }

        var none = Text.Of(choices.TooLate > 0 ? "excuse.none_late" : "excuse.none").With("days", choices.Days);
        return Reply.With(OutgoingMessage.Of([none, .. choices.Pending.Select(a => AbsenceText.Describe("excuse.pending_line", a, student))]));
    }
}
