using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/caughtup &lt;student-code&gt; [YYYY-MM-DD]</c>: signs off the catch-up of the absence on that date, or the oldest
/// open one, and tells the student and parents. Every refusal says why, and nothing is changed.
/// </summary>
public sealed class CaughtUpCommand(CatchUpSignOff signOff) : ICommand
{
    public string Name => "caughtup";
    public Roles AllowedRoles => AttendanceAccess.Recorders;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var words = ctx.Words;
        if (words.Length is < 1 or > 2)
        {
            return Reply.With(OutgoingMessage.Of(Text.Of("caughtup.missing_arguments"), Text.Of("caughtup.usage")));
        }

        DateOnly? date = null;
        if (words.Length == 2)
        {
            if (!DateOnly.TryParseExact(words[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Reply.With(OutgoingMessage.Of(Text.Of("caughtup.bad_date").With("date", words[1]), Text.Of("caughtup.usage")));
            }

            date = parsed;
        }

        return Reply.With(Answer(await signOff.SignOffAsync(ctx.Person, words[0], date, ct)));
    }

    /// <summary>What the signer reads, whether they typed the command or pressed a button.</summary>
    public static OutgoingMessage Answer(SignOffResult result) => result switch
    {
        SignOffResult.SignedOff s => SignedOff(s),
        SignOffResult.AlreadyDone a => OutgoingMessage.Of(Text.Of("caughtup.already_done").WithSubject(a.Absence)
            .With("student", a.Student.FullName).With("date", a.Absence.Date)),
        SignOffResult.NoOpenCatchUp { Date: { } date } n => OutgoingMessage.Of(Text.Of("caughtup.no_open_on").With("student", n.Student.FullName).With("date", date)),
        SignOffResult.NoOpenCatchUp n => OutgoingMessage.Of(Text.Of("caughtup.no_open").With("student", n.Student.FullName)),
        SignOffResult.UnknownStudent u => OutgoingMessage.Of(Text.Of("caughtup.unknown_student").With("code", u.Code)),
        SignOffResult.NotYourStudent n => OutgoingMessage.Of(Text.Of("caughtup.not_your_student").With("student", n.Student.FullName)),
        SignOffResult.UnknownAbsence => OutgoingMessage.Of(Text.Of("caughtup.toast.refused")),
        _ => throw new InvalidOperationException($"Unhandled {result.GetType().Name}"),
    };

    private static OutgoingMessage SignedOff(SignOffResult.SignedOff s) =>
        AttendanceLines.WithUnreached(AbsenceText.Describe("caughtup.done", s.Absence, s.Student), s.Unreached);
}
