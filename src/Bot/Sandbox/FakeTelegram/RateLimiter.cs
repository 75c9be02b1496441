namespace CollegeBot.FakeTelegram;

/// <summary>
/// Telegram's send limits: per chat a token bucket (<c>burst</c> at once, then <c>perChatPerSecond</c>), and
/// over all chats at most <c>globalPerSecond</c> within any rolling second. Only sends that are let through
/// use up a slot. Not thread-safe: the caller holds the state lock.
/// </summary>
internal sealed class RateLimiter
{
    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> buckets = [];
    private readonly Queue<DateTimeOffset> recent = new();

    /// <summary>Takes a slot for the chat; null when allowed, else the whole seconds until one frees (at least 1).</summary>
    public int? TryAcquire(long chatId, DateTimeOffset now, double perChatPerSecond, int burst, int globalPerSecond)
    {
        burst = Math.Max(1, burst);
        var rate = Math.Max(perChatPerSecond, 1e-6);
        var (tokens, at) = buckets.TryGetValue(chatId, out var bucket) ? bucket : (burst, now);
        tokens = Math.Min(burst, tokens + (Math.Max(0, (now - at).TotalSeconds) * rate));

        while (recent.Count > 0 && recent.Peek() <= now - TimeSpan.FromSeconds(1))
        {
            recent.Dequeue();
        }

        double waitSeconds = 0;
        if (tokens < 1)
        {
            waitSeconds = (1 - tokens) / rate;
        }

        if (recent.Count >= Math.Max(1, globalPerSecond))
        {
            waitSeconds = Math.Max(waitSeconds, (recent.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds);
        }

        if (waitSeconds > 0)
        {
            buckets[chatId] = (tokens, now);
            return Math.Max(1, (int)Math.Ceiling(waitSeconds - 1e-9));
        }

        buckets[chatId] = (tokens - 1, now);
        recent.Enqueue(now);
        return null;
    }

    public void Reset()
    {
        buckets.Clear();
        recent.Clear();
    }
}
