namespace CollegeBot.Tests.Support;

/// <summary>A clock that stands still until a test moves it. Timers are not faked: code under test reads the time, it does not wait.</summary>
public sealed class FakeClock : TimeProvider
{
    /// <summary>Monday 23 November 2026, 09:00 UTC (15:00 in Bishkek).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private DateTimeOffset now;

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public FakeClock(DateTimeOffset start) => now = start.ToUniversalTime();

    public DateTimeOffset Now
    {
        get
        {
            lock (gate)
            {
                return now;
            }
        }

        set
        {
            lock (gate)
            {
                now = value.ToUniversalTime();
            }
        }
    }

    /// <summary>The current instant as the model stores it: a UTC <see cref="DateTime"/>.</summary>
    public DateTime UtcNow => Now.UtcDateTime;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
