using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// The demo college's absences of the last weeks, written by the curators through the real services: recorded, one made
/// up, one made up by tomorrow's reminder window, one overdue as of today, one excused, one excuse waiting.
/// </summary>
internal sealed class DemoAttendance(
    AbsenceRecorder recorder,
    CatchUpSignOff signOff,
    ExcuseDesk excuses,
    CatchUpPolicy policy,
    AttendanceOptions options,
    DemoTimeline past)
{
    /// <summary>Plans the absences and what became of them on <paramref name="past"/>.</summary>
    public void Plan(IReadOnlyDictionary<string, Person> people, Attachment proof)
    {
        var (it, ee) = (people["T1001"], people["T2001"]);

        // Overdue from today: the latest day whose catch-up was due before today, so the first CatchUpReminders run
        // (at the sandbox's start) announces it as the real bot would on this day.
        var overdue = Recent().FirstOrDefault(d => policy.DueDateFor(d) < past.Today);
        if (overdue != default)
        {
            Record(it, people["S1004"], 2, overdue, "Физика");
        }

        // Made up: missed a week and a half ago, signed off two working days ago.
        var madeUp = Record(it, people["S1002"], 2, past.WorkingDaysAgo(7), "Математика");
        past.On(past.At(past.WorkingDaysAgo(2), 15), async (at, ct) =>
        {
            var result = await signOff.SignOffAsync(it, madeUp.Value!.Id, ct);
            Expect<SignOffResult.SignedOff>(result, "sign off S1002's catch-up").Absence.CaughtUpAt = at;
        });

        // Open, and due when tomorrow morning's CatchUpReminders reminds (ReminderDaysBefore after tomorrow).
        var tomorrow = past.Today.AddDays(1);
        var dueSoon = options.ReminderDaysBefore.OrderDescending()
            .SelectMany(days => Recent().Where(d => policy.DueDateFor(d) == tomorrow.AddDays(days)))
            .FirstOrDefault();
        if (dueSoon != default)
        {
            Record(it, people["S1002"], 4, dueSoon, "Физика");
        }

        // Over the first band of unexcused hours in a month: two days of the same month, so the curator was told.
        var (first, second) = TwoDaysOfOneMonth();
        Record(it, people["S1004"], 4, first, "Программирование");
        Record(it, people["S1004"], 4, second, "Английский язык");

        // Her parents (one of them a parent of two) see it in /child.
        Record(it, people["S1001"], 6, past.WorkingDaysAgo(2), "Программирование");

        // Two excuses for a recent day: one approved (duty: nothing to make up), one waiting for the curator. It is left
        // waiting long enough that the next ExcuseReminders run brings it back to the curator with its photo and buttons.
        if (ExcuseDay() is { } excuseDay)
        {
            var approved = Record(it, people["S1006"], 2, excuseDay, "Базы данных", hour: 9);
            Excuse(people["S1006"], approved, "duty", "Represented the college at the regional programming olympiad.", proof,
                excuseDay, past.At(excuseDay, 18), decidedBy: it);
            var waiting = Record(it, people["S1003"], 2, excuseDay, "Математика", hour: 9);
            var (earliest, latest) = (past.At(excuseDay, 10), past.At(excuseDay, 19));
            var remindable = past.Now.AddDays(-options.ExcuseReminderAfterDays).AddHours(-1);
            var submitted = remindable < earliest ? earliest : remindable > latest ? latest : remindable;
            Excuse(people["S1003"], waiting, "illness", "Ооруп калдым, дарыгердин маалымкаты тиркелди.", proof, excuseDay, submitted, decidedBy: null);
        }

        // The second group: the parent of two sees both children's absences.
        Record(ee, people["S2001"], 2, past.WorkingDaysAgo(1), "Электротехника");
        Record(ee, people["S2006"], 4, past.WorkingDaysAgo(5), "Электр машиналары");
    }

    private Later<Absence> Record(Person curator, Person student, int hours, DateOnly day, string subject, int hour = 16)
    {
        var recorded = new Later<Absence>();
        past.On(past.At(day, hour), async (at, ct) =>
        {
            var result = await recorder.RecordAsync(curator, student.Code, hours, day, subject, ct);
            recorded.Value = Expect<RecordResult.Recorded>(result, $"record {student.Code}'s absence on {day:yyyy-MM-dd}").Absence;
            recorded.Value.RecordedAt = at;
        });
        return recorded;
    }

    private void Excuse(
        Person student, Later<Absence> absence, string reason, string comment, Attachment proof, DateOnly day, DateTime submittedAt, Person? decidedBy)
    {
        Excuse? excuse = null;
        past.On(submittedAt, async (at, ct) =>
        {
            var result = await excuses.SubmitAsync(student, absence.Value!.Id, reason, comment, proof, fileName: null, ct);
            excuse = Expect<SubmitResult.Submitted>(result, $"submit {student.Code}'s excuse").Excuse;
            excuse.SubmittedAt = at;
        });
        if (decidedBy is not null)
        {
            past.On(past.At(past.NextWorkingDay(day), 9, 30), async (at, ct) =>
            {
                var result = await excuses.ApproveAsync(decidedBy, excuse!.Id, ct);
                Expect<ReviewResult.Approved>(result, $"approve {student.Code}'s excuse").Excuse.DecidedAt = at;
            });
        }
    }

    /// <summary>
    /// A recent working day whose absences may still be excused today; yesterday when the last working day is too long ago
    /// (after a long holiday), none when the college allows no excuse after the day.
    /// </summary>
    private DateOnly? ExcuseDay()
    {
        var firstOpen = past.Today.AddDays(-options.ExcuseSubmissionDays);
        DateOnly[] candidates = [past.WorkingDaysAgo(2), past.WorkingDaysAgo(1), past.Today.AddDays(-1)];
        return firstOpen < past.Today ? candidates.First(d => d >= firstOpen) : null;
    }

    /// <summary>The working days an absence may still be recorded for, the most recent first.</summary>
    private IEnumerable<DateOnly> Recent() => past.WorkingDaysWithin(options.MaxBackdateDays);

    /// <summary>Two recent working days in one month, so their hours count together towards a band.</summary>
    private (DateOnly First, DateOnly Second) TwoDaysOfOneMonth()
    {
        for (var n = 3; ; n++)
        {
            var (first, second) = (past.WorkingDaysAgo(n + 1), past.WorkingDaysAgo(n));
            if (first.Month == second.Month)
            {
                return (first, second);
            }
        }
    }

    private static T Expect<T>(object result, string what)
        where T : class =>
        result as T ?? throw new InvalidOperationException($"The demo college could not {what}: {result}.");
}
