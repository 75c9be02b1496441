using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Scheduler.WorkBasedLearning;

/// <summary>
/// <c>ReviewReminders</c>: a mentor with entries waiting longer than <c>ReviewReminderAfterDays</c> gets one message a day
/// listing them; once entries wait longer than <c>EscalateToSupervisorAfterDays</c>, the supervisor of those placements is
/// told which mentor and how many, once per spell of overdue reviews (<see cref="ReviewSpells"/>).
/// </summary>
public sealed class ReviewRemindersScan(
    CollegeDb db, Outbox outbox, CollegeCalendar calendar, IOptions<WorkBasedLearningOptions> options) : IScan
{
    public const string Name = "ReviewReminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var remindAfter = TimeSpan.FromDays(options.Value.ReviewReminderAfterDays);
        var waiting = await db.DiaryEntries
            .Include(e => e.Placement!).ThenInclude(p => p.Student)
            .Include(e => e.Placement!).ThenInclude(p => p.Mentor)
            .Include(e => e.Placement!).ThenInclude(p => p.Supervisor)
            .Where(e => e.Status == DiaryStatus.Pending && e.SubmittedAt < now - remindAfter)
            .OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id)
            .ToListAsync(ct);

        foreach (var entries in waiting.GroupBy(e => e.Placement!.MentorId))
        {
            await RemindAsync([.. entries], ct);
        }

        var escalateAfter = TimeSpan.FromDays(options.Value.EscalateToSupervisorAfterDays);
        foreach (var entries in waiting.Where(e => e.SubmittedAt < now - escalateAfter).GroupBy(e => (e.Placement!.MentorId, e.Placement.SupervisorId)))
        {
            await EscalateAsync([.. entries], escalateAfter, now, ct);
        }

        return await ScanCommit.SaveAsync(db, ct);
    }

    private async Task<bool> RemindAsync(IReadOnlyList<DiaryEntry> entries, CancellationToken ct)
    {
        var today = calendar.Today;
        var mentor = entries[0].Placement!.Mentor!;
        var lines = entries.Select(e => Text.Of("review.reminder.line")
            .With("student", e.Placement!.Student!.FullName)
            .With("date", e.Date)
            .With("days", today.DayNumber - calendar.DateOf(e.SubmittedAt).DayNumber));
        var text = Text.Of("review.reminder").With("count", entries.Count).WithLines("entries", lines);
        return await outbox.EnqueueAsync(mentor, "review.reminder", OutgoingMessage.Of(text), ct, dedupeKey: $"review-reminder:{mentor.Id}:{today:yyyy-MM-dd}");
    }

    private async Task<bool> EscalateAsync(IReadOnlyList<DiaryEntry> entries, TimeSpan limit, DateTime now, CancellationToken ct)
    {
        var (mentor, supervisor) = (entries[0].Placement!.Mentor!, entries[0].Placement!.Supervisor!);
        var placementIds = await db.Placements.Where(p => p.MentorId == mentor.Id && p.SupervisorId == supervisor.Id).Select(p => p.Id).ToListAsync(ct);
        var history = await db.DiaryEntries.Where(e => placementIds.Contains(e.PlacementId))
            .Select(e => new { e.SubmittedAt, e.ReviewedAt, e.Status })
            .ToListAsync(ct);
        var overdue = history.Select(e => (From: e.SubmittedAt + limit, To: e.Status == DiaryStatus.Pending ? null : e.ReviewedAt));
        if (ReviewSpells.CurrentStart(overdue, now) is not { } spell)
        {
            return false;
        }

        var text = Text.Of("review.escalation")
            .With("mentor", mentor.FullName)
            .With("count", entries.Count)
            .With("days", (int)limit.TotalDays)
            .With("oldest", entries.Min(e => e.Date))
            .WithList("students", entries.Select(e => e.Placement!.Student!.FullName).Distinct().Select(name => Text.Of("review.escalation.student").With("name", name)));
        return await outbox.EnqueueAsync(supervisor, "review.escalation", OutgoingMessage.Of(text), ct,
            dedupeKey: $"review-escalation:{mentor.Id}:{supervisor.Id}:{spell:yyyyMMddHHmmss}");
    }
}
