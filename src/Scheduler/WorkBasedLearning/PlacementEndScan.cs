using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Scheduler.WorkBasedLearning;

/// <summary>
/// <c>PlacementEnd</c>: on a placement's last day (or at the first run after it) the mentor is asked for the final
/// review, characterization and grade; when they are still missing <see cref="WorkBasedLearningOptions.FinalReviewGraceDays"/>
/// days after the last day, the supervisor is told. Each once per placement. Placements that ended more than
/// <see cref="FinalReviews.AskForDays"/> days ago are left alone.
/// </summary>
public sealed class PlacementEndScan(CollegeDb db, Outbox outbox, CollegeCalendar calendar) : IScan
{
    public const string Name = "PlacementEnd";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var since = today.AddDays(-FinalReviews.AskForDays);
        var ended = await FinalReviews.WithPeople(db.Placements)
            .Where(p => p.FinalAt == null && p.EndsOn <= today && p.EndsOn >= since)
            .OrderBy(p => p.EndsOn).ThenBy(p => p.Id)
            .ToListAsync(ct);

        foreach (var placement in ended)
        {
            await outbox.EnqueueAsync(placement.Mentor!, "final.request", FinalReviews.Request(placement), ct,
                dedupeKey: $"final:{placement.Id}:request");
            if (placement.EndsOn.AddDays(WorkBasedLearningOptions.FinalReviewGraceDays) <= today)
            {
                var text = FinalReviews.Describe("final.missing.supervisor", placement)
                    .With("mentor", placement.Mentor!.FullName)
                    .With("days", WorkBasedLearningOptions.FinalReviewGraceDays);
                await outbox.EnqueueAsync(placement.Supervisor!, "final.missing", OutgoingMessage.Of(text), ct,
                    dedupeKey: $"final:{placement.Id}:missing");
            }
        }

        return await ScanCommit.SaveAsync(db, ct);
    }
}
