namespace CollegeBot.FakeTelegram;

internal enum FaultKind
{
    /// <summary>An error envelope instead of doing the call.</summary>
    Error,

    /// <summary>An HTML page, as a proxy in the way would answer.</summary>
    NonJson,

    /// <summary>The connection is cut before the call is done.</summary>
    DropBefore,

    /// <summary>The call is done, then the connection is cut: the client cannot know it went through.</summary>
    DropAfter,
}

internal sealed record Fault(FaultKind Kind, int HttpStatus, string? Description, int? RetryAfter, long? MigrateToChatId);

/// <summary>Faults and delays the test asked for, per method. Thread-safe.</summary>
internal sealed class FaultPlan
{
    private readonly object gate = new();
    private readonly Dictionary<string, Queue<Fault>> faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeSpan> methodDelays = new(StringComparer.OrdinalIgnoreCase);
    private TimeSpan delay;

    public void Add(string method, Fault fault, int times)
    {
        lock (gate)
        {
            if (!faults.TryGetValue(method, out var queue))
            {
                faults[method] = queue = new Queue<Fault>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public Fault? Take(string method)
    {
        lock (gate)
        {
            return faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    /// <summary>Sets the delay of one method, or with no method of all methods but getUpdates.</summary>
    public void SetDelay(TimeSpan value, string? method)
    {
        lock (gate)
        {
            if (method is null)
            {
                delay = value;
            }
            else
            {
                methodDelays[method] = value;
            }
        }
    }

    public TimeSpan DelayFor(string method)
    {
        lock (gate)
        {
            if (methodDelays.TryGetValue(method, out var own))
            {
                return own;
            }

            return string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero : delay;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            faults.Clear();
            methodDelays.Clear();
            delay = TimeSpan.Zero;
        }
    }
}
