using CollegeBot.Domain.College;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// The sandbox's time: real time flowing, shifted by an offset that <c>clock</c> moves, so the bot, the jobs and the fake
/// Telegram all see the same moved "now" while timers and pacing keep running on real time.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider real;
    private readonly Lock gate = new();
    private TimeSpan offset;

    public SandboxClock(DateTimeOffset start, TimeProvider? real = null)
    {
        this.real = real ?? System;
        offset = start - this.real.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return real.GetUtcNow() + offset;
        }
    }

    /// <summary>From now on the clock reads <paramref name="instant"/> and flows on from there.</summary>
    public void Set(DateTimeOffset instant)
    {
        lock (gate)
        {
            offset = instant - real.GetUtcNow();
        }
    }
}

internal static class SandboxTime
{
    /// <summary>A moment of college time (as typed: "2026-12-07 08:30") as an instant.</summary>
    public static DateTimeOffset InstantOf(this CollegeCalendar calendar, DateTime collegeTime) =>
        calendar.InstantOf(DateOnly.FromDateTime(collegeTime), TimeOnly.FromDateTime(collegeTime));

    public static DateTimeOffset InstantOf(this CollegeCalendar calendar, DateOnly day, TimeOnly time) =>
        new(calendar.ToUtc(day, time), TimeSpan.Zero);
}
