using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/group</c>: the month of each group the curator curates, one line per student and one per open catch-up, with a
/// button to sign each off. A button carries only the absence id; the sign-off checks the scope again, so forged data
/// changes nothing.
/// </summary>
public sealed class GroupCommand(AttendanceOverview overview, CatchUpSignOff signOff, CatchUpPolicy policy, CollegeCalendar calendar)
    : ICommand, ICallbackHandler
{
    /// <summary>Keeps the keyboard well within what Telegram accepts (about 100 buttons); the rest are signed off with /caughtup.</summary>
    public const int MaxButtons = 50;

    public string Name => "group";
    public string Prefix => "cu";
    public Roles AllowedRoles => Roles.Curator;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var groups = await overview.ForCuratorAsync(ctx.Person, ct);
        if (groups.Count == 0)
        {
            return Reply.With("group.no_groups");
        }

        var today = calendar.Today;
        var lines = new List<Text>();
        var open = new List<(Absence Absence, Person Student)>();
        foreach (var group in groups)
        {
            lines.Add(AttendanceLines.Titled("group.title", overview.MonthStart).With("group", group.Group.Name));
            if (group.Students.Count == 0)
            {
                lines.Add(Text.Of("group.no_students"));
            }

            foreach (var month in group.Students)
            {
                lines.Add(Text.Of("group.student").With("student", month.Student.FullName)
                    .With("missed", month.Missed).With("excused", month.Excused).With("unexcused", month.Unexcused));
                foreach (var absence in month.OpenCatchUps)
                {
                    lines.Add(AttendanceLines.CatchUp("group.catchup", absence, policy, today));
                    open.Add((absence, month.Student));
                }
            }
        }

        if (open.Count == 0)
        {
            return Reply.With(OutgoingMessage.Of([.. lines]));
        }

        lines.Add(Text.Of("group.hint"));
        if (open.Count > MaxButtons)
        {
            lines.Add(Text.Of("group.more_buttons").With("shown", MaxButtons));
        }

        var buttons = open.Take(MaxButtons)
            .Select(o => (IReadOnlyList<Button>)[new Button(
                Text.Of("group.button").With("student", o.Student.FullName).With("date", o.Absence.Date),
                $"{Prefix}:{o.Absence.Id.ToString(CultureInfo.InvariantCulture)}")]);
        return Reply.With(OutgoingMessage.Of([.. lines]).WithButtons([.. buttons]));
    }

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        if (!long.TryParse(ctx.Data, NumberStyles.None, CultureInfo.InvariantCulture, out var absenceId))
        {
            return Reply.ToastOnly(Text.Of("caughtup.toast.refused"));
        }

        var result = await signOff.SignOffAsync(ctx.Caller, absenceId, ct);
        return result switch
        {
            SignOffResult.SignedOff s => new Reply(CaughtUpCommand.Answer(s), Toast(s.Absence, s.Student, "caughtup.toast.done")),
            SignOffResult.AlreadyDone a => Reply.ToastOnly(Toast(a.Absence, a.Student, "caughtup.toast.already_done")),
            _ => Reply.ToastOnly(Text.Of("caughtup.toast.refused")),
        };
    }

    private static Text Toast(Absence absence, Person student, string key) =>
        Text.Of(key).With("student", student.FullName).With("date", absence.Date);
}
