using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Scheduler.Attendance;

/// <summary>
/// <c>ExcuseReminders</c>: an excuse left undecided for <c>Attendance:ExcuseReminderAfterDays</c> days comes back to the
/// curators of the student's group, once per excuse and curator, with its proof and its Approve / Reject buttons, so it
/// can be decided from the reminder itself. Only curators who can read it are reminded; one who links later finds the
/// excuse itself waiting for them.
/// </summary>
public sealed class ExcuseRemindersScan(
    CollegeDb db,
    Outbox outbox,
    ExcuseDesk desk,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> options) : IScan
{
    public const string Name = "ExcuseReminders";
    public const string Kind = "excuse.reminder";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var submittedBefore = now.AddDays(-options.Value.ExcuseReminderAfterDays);
        var waiting = await db.Excuses
            .Where(e => e.Status == ExcuseStatus.Pending && e.SubmittedAt <= submittedBefore)
            .Include(e => e.Absence).Include(e => e.Student)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        var groupIds = waiting.Select(e => e.Student!.GroupId).OfType<int>().Distinct().ToList();
        var curators = (await db.GroupCurators
                .Where(g => groupIds.Contains(g.GroupId) && g.Curator!.TelegramUserId != null && g.Curator.BlockedAt == null)
                .Include(g => g.Curator)
                .ToListAsync(ct))
            .ToLookup(g => g.GroupId, g => g.Curator!);

        foreach (var excuse in waiting)
        {
            var student = excuse.Student!;
            var heading = Text.Of("excuse.reminder").With("days", (int)(now - excuse.SubmittedAt).TotalDays);
            var message = await desk.ForReviewAsync(excuse, excuse.Absence!, student, ct, heading);
            foreach (var curator in student.GroupId is { } groupId ? curators[groupId] : [])
            {
                await outbox.EnqueueAsync(curator, Kind, message, ct, dedupeKey: $"excuse-reminder:{excuse.Id}:curator:{curator.Id}");
            }
        }

        return await ScanCommit.SaveAsync(db, ct);
    }
}
