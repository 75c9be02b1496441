namespace CollegeBot.Scheduler;

/// <summary>
/// A scheduled scan: works out what is due as of now, writes outbox notifications (with dedupe keys) and saves them
/// in one transaction. Running it twice, or late, neither loses nor repeats anything.
/// </summary>
public interface IScan
{
    /// <returns>How many notifications it queued.</returns>
    Task<int> RunAsync(CancellationToken ct);
}
