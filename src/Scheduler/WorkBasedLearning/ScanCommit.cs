using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;

namespace CollegeBot.Scheduler.WorkBasedLearning;

internal static class ScanCommit
{
    /// <summary>Saves what a scan queued, in one transaction, and wakes the dispatcher so it goes out now.</summary>
    /// <returns><paramref name="queued"/>, for the scan to return.</returns>
    public static async Task<int> CommitScanAsync(this CollegeDb db, Signals signals, int queued, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (queued > 0)
        {
            signals.Outbox.Notify();
        }

        return queued;
    }
}
