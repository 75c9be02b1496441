using System.Globalization;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Scheduler.Attendance;

/// <summary>
/// <c>CatchUpReminders</c>: the student is reminded <c>Attendance:ReminderDaysBefore</c> days before a catch-up is due
/// and on the due day itself, when the parents are reminded too. A reminder belongs to its own college day: a day the
/// bot missed is not made up later, since "due in 3 days" said late is wrong. From the day after the due date the
/// catch-up is overdue, and the student, the parents and the curators are told once, whenever the scan first sees it.
/// Catch-ups made up, or excused without one, are left alone. Both queries read an index of what is open now.
/// </summary>
public sealed class CatchUpRemindersScan(
    CollegeDb db,
    Outbox outbox,
    StudentFamily family,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> options) : IScan
{
    public const string Name = "CatchUpReminders";
    public const string ReminderKind = "catchup.reminder";
    public const string OverdueKind = "catchup.overdue";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        await RemindAsync(today, ct);
        await AnnounceOverdueAsync(today, ct);
        return await ScanCommit.SaveAsync(db, ct);
    }

    private async Task RemindAsync(DateOnly today, CancellationToken ct)
    {
        List<DateOnly?> dueDates = [.. options.Value.ReminderDaysBefore.Append(0).Distinct().Select(d => (DateOnly?)today.AddDays(d))];
        var due = await db.Absences
            .Where(a => dueDates.Contains(a.CatchUpDueOn) && a.CaughtUpAt == null)
            .Include(a => a.Student).ThenInclude(s => s!.Parents).ThenInclude(pc => pc.Parent)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        await outbox.LoadKeysAboutAsync(due.Select(a => a.Id), ct);
        foreach (var absence in due)
        {
            var student = absence.Student!;
            var daysLeft = absence.CatchUpDueOn!.Value.DayNumber - today.DayNumber;
            var key = $"catchup-reminder:{absence.Id}:D-{daysLeft}";
            if (daysLeft == 0)
            {
                await family.TellAsync(absence, student, ReminderKind, key,
                    AbsenceRecorder.Describe("catchup.reminder.today.student", absence, student),
                    AbsenceRecorder.Describe("catchup.reminder.today.parent", absence, student), ct);
            }
            else
            {
                var text = AbsenceRecorder.Describe("catchup.reminder.student", absence, student);
                await outbox.EnqueueAsync(student, ReminderKind, OutgoingMessage.Of(text), ct, dedupeKey: $"{key}:student", about: absence);
            }
        }
    }

    private async Task AnnounceOverdueAsync(DateOnly today, CancellationToken ct)
    {
        // The condition repeats the filter of IX_absences_OverdueScan, so that index answers it.
        var overdue = await db.Absences
            .Where(a => a.CatchUpDueOn != null && a.CatchUpDueOn < today && a.CaughtUpAt == null && a.OverdueNotifiedAt == null)
            .Include(a => a.Student).ThenInclude(s => s!.Parents).ThenInclude(pc => pc.Parent)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return;
        }

        await outbox.LoadKeysAboutAsync(overdue.Select(a => a.Id), ct);

        var groupIds = overdue.Select(a => a.Student!.GroupId).OfType<int>().Distinct().ToList();
        var curators = (await db.GroupCurators.Where(g => groupIds.Contains(g.GroupId)).Include(g => g.Curator).Include(g => g.Group).ToListAsync(ct))
            .ToLookup(g => g.GroupId);
        foreach (var absence in overdue)
        {
            var student = absence.Student!;
            var key = $"catchup-overdue:{absence.Id}";
            absence.OverdueNotifiedAt = calendar.UtcNow;
            await family.TellAsync(absence, student, OverdueKind, key,
                AbsenceRecorder.Describe("catchup.overdue.student", absence, student),
                AbsenceRecorder.Describe("catchup.overdue.parent", absence, student), ct);

            foreach (var curated in student.GroupId is { } groupId ? curators[groupId] : [])
            {
                var text = AbsenceRecorder.Describe("catchup.overdue.curator", absence, student)
                    .With("group", curated.Group!.Name)
                    .With("code", student.Code)
                    .With("day", absence.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await outbox.EnqueueAsync(curated.Curator!, OverdueKind, OutgoingMessage.Of(text), ct,
                    dedupeKey: $"{key}:curator:{curated.CuratorId}", about: absence);
            }
        }
    }
}
