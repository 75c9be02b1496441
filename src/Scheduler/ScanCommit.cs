using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Scheduler;

/// <summary>The end of every scan: its changes and its notifications saved in one transaction.</summary>
public static class ScanCommit
{
    /// <returns>How many notifications were queued.</returns>
    public static async Task<int> SaveAsync(CollegeDb db, CancellationToken ct)
    {
        var queued = db.ChangeTracker.Entries<OutboxMessage>().Count(e => e.State == EntityState.Added);
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
