using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Scheduler.WorkBasedLearning;

/// <summary>
/// <c>DiaryReminders</c>: a student with a placement today who has written nothing for <c>DiaryReminderAfterDays</c>
/// working days (today included) is reminded, once per silence: the dedupe key names the last entry, so the next reminder
/// needs a new entry and a new silence.
/// </summary>
public sealed class DiaryRemindersScan(
    CollegeDb db, Outbox outbox, CollegeCalendar calendar, IOptions<WorkBasedLearningOptions> options) : IScan
{
    public const string Name = "DiaryReminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var active = await db.Placements.Include(p => p.Student).Include(p => p.Organization)
            .Where(p => p.StartsOn <= today && p.EndsOn >= today)
            .ToListAsync(ct);
        var ids = active.Select(p => p.Id).ToList();
        var lastEntries = await db.DiaryEntries.Where(e => ids.Contains(e.PlacementId))
            .GroupBy(e => e.PlacementId)
            .Select(g => new { PlacementId = g.Key, Last = g.Max(e => e.Date) })
            .ToDictionaryAsync(x => x.PlacementId, x => x.Last, ct);

        foreach (var placement in active)
        {
            DateOnly? last = lastEntries.TryGetValue(placement.Id, out var date) ? date : null;
            var silent = calendar.WorkingDaysAfter(last ?? placement.StartsOn.AddDays(-1), today);
            if (silent < options.Value.DiaryReminderAfterDays)
            {
                continue;
            }

            var text = (last is { } day ? Text.Of("diary.reminder").With("last", day) : Text.Of("diary.reminder.none").With("starts", placement.StartsOn))
                .With("days", silent)
                .With("organization", placement.Organization!.Name);
            var key = $"diary-reminder:{placement.Id}:{last?.ToString("yyyy-MM-dd") ?? "none"}";
            await outbox.EnqueueAsync(placement.Student!, "diary.reminder", OutgoingMessage.Of(text), ct, dedupeKey: key);
        }

        return await ScanCommit.SaveAsync(db, ct);
    }
}
