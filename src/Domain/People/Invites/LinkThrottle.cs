namespace CollegeBot.Domain.People.Invites;

/// <summary>
/// Slows down guessing: after <see cref="MaxFailures"/> wrong codes from one Telegram account within
/// <see cref="Window"/>, that account is not heard for <see cref="Lockout"/>.
/// </summary>
public static class LinkThrottle
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>How long the account must still wait, or null when it may try.</summary>
    public static TimeSpan? RetryAfter(LinkAttempt? attempt, DateTime now) =>
        attempt?.LockedUntil is { } until && until > now ? until - now : null;

    /// <summary>Counts one more wrong code; a window that ran out, or a lock that has passed, starts a fresh count.</summary>
    public static void RecordFailure(LinkAttempt attempt, DateTime now)
    {
        if (attempt.LockedUntil is not null || now - attempt.WindowStartedAt >= Window)
        {
            attempt.Failures = 0;
            attempt.WindowStartedAt = now;
            attempt.LockedUntil = null;
        }

        attempt.Failures++;
        if (attempt.Failures >= MaxFailures)
        {
            attempt.LockedUntil = now + Lockout;
        }
    }
}
