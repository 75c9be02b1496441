using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>The lines /my, /child and /group share: one absence, one open catch-up, the month's name.</summary>
internal static class AttendanceLines
{
    public static Text Titled(string key, DateOnly monthStart) =>
        Text.Of(key).With("month", Text.Of("attendance.month." + monthStart.Month)).With("year", monthStart.Year);

    /// <summary>A student's (or child's) own view: the month's absences with totals, then every open catch-up.</summary>
    public static IEnumerable<Text> Month(StudentMonth month, CatchUpPolicy policy, DateOnly today)
    {
        if (month.Absences.Count == 0)
        {
            yield return Text.Of("view.no_absences");
        }
        else
        {
            foreach (var absence in month.Absences)
            {
                var status = Text.Of(absence.Excused ? "view.status.excused" : "view.status.unexcused");
                var line = Text.Of("view.absence").WithSubject(absence).With("date", absence.Date).With("hours", absence.Hours).With("status", status);
                yield return absence.CaughtUpAt is null ? line.With("caught_up", "") : line.With("caught_up", Text.Of("view.caught_up"));
            }

            yield return Text.Of("view.totals").With("missed", month.Missed).With("unexcused", month.Unexcused);
        }

        if (month.OpenCatchUps.Count > 0)
        {
            yield return Text.Of("view.open.title");
            foreach (var absence in month.OpenCatchUps)
            {
                yield return CatchUp("view.open", absence, policy, today);
            }
        }
    }

    /// <summary>An open catch-up with its due date; <paramref name="key"/> + ".overdue" once the due date has passed.</summary>
    public static Text CatchUp(string key, Absence absence, CatchUpPolicy policy, DateOnly today)
    {
        var due = absence.CatchUpDueOn ?? absence.Date;
        var text = Text.Of(policy.IsOverdue(due, today) ? key + ".overdue" : key);
        return text.WithSubject(absence).With("date", absence.Date).With("hours", absence.Hours).WithDistance("due", due);
    }

    /// <summary>A confirmation, followed by the people it could not reach yet with their phone, so the curator can call.</summary>
    public static OutgoingMessage WithUnreached(Text done, IReadOnlyList<Person> unreached) =>
        unreached.Count == 0
            ? OutgoingMessage.Of(done)
            : OutgoingMessage.Of(done, Text.Of("absent.unreached").WithLines("people", unreached.Select(p =>
                Text.Of(p.BlockedAt is null ? "absent.unreached.not_linked" : "absent.unreached.blocked")
                    .With("name", p.FullName)
                    .With("phone", p.Phone ?? "—"))));
}
