namespace CollegeBot.Domain.Messaging;

/// <summary>
/// Wakes a waiting loop early when there is new work (a committed update, a queued message); the loops also
/// look on their own every little while, so a lost wake-up only delays, never loses.
/// </summary>
public sealed class Signal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake-up is enough.
        }
    }

    /// <returns>True when woken, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => semaphore.WaitAsync(timeout, ct);
}

/// <summary>The wake-ups of the two loops: the update processor and the outbox dispatcher.</summary>
public sealed class Signals
{
    public Signal Inbox { get; } = new();
    public Signal Outbox { get; } = new();
}
