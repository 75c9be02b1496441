using CollegeBot.Bot.Sandbox;
using CollegeBot.Tests.Support;
using Quartz;

namespace CollegeBot.Bot.Tests.Sandbox;

/// <summary>Moving the sandbox clock runs each scan at its cron fire times in between, with the clock standing there.</summary>
public sealed class SandboxTimelineTests
{
    private static readonly TimeZoneInfo Bishkek = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bishkek");

    // Real time stands still, so the sandbox clock reads exactly what it was set to.
    private readonly SandboxClock clock = new(At(2026, 12, 1, 8, 0), new FakeClock(DateTimeOffset.UnixEpoch));
    private readonly List<string> log = [];
    private DateTimeOffset? held;

    [Fact]
    public async Task A_fire_time_inside_the_move_runs_at_that_time_and_one_outside_does_not()
    {
        var timeline = Timeline(("Morning", "0 0 9 * * ?"), ("Evening", "0 0 17 ? * MON-SAT"));

        await timeline.MoveToAsync(At(2026, 12, 1, 12, 0), CancellationToken.None);

        Assert.Equal(["Morning at 12-01 09:00", "settled at 12-01 09:00", "settled at 12-01 12:00"], log);
        Assert.Equal(At(2026, 12, 1, 12, 0), clock.GetUtcNow());
    }

    [Fact]
    public async Task Fires_run_in_time_order_and_together_when_they_share_an_instant_and_a_sunday_is_skipped_by_its_cron()
    {
        // Saturday 5 December 10:00 to Monday 7 December 09:00.
        clock.Set(At(2026, 12, 5, 10, 0));
        var timeline = Timeline(("Morning", "0 0 9 * * ?"), ("Evening", "0 0 17 ? * MON-SAT"), ("Digest", "0 0 9 ? * MON"));

        await timeline.MoveToAsync(At(2026, 12, 7, 9, 0), CancellationToken.None);

        Assert.Equal(
            [
                "Evening at 12-05 17:00", "settled at 12-05 17:00",
                "Morning at 12-06 09:00", "settled at 12-06 09:00",
                "Morning at 12-07 09:00", "Digest at 12-07 09:00", "settled at 12-07 09:00",
                "settled at 12-07 09:00",
            ],
            log);
    }

    [Fact]
    public async Task Messages_held_for_the_quiet_hours_are_settled_when_their_time_comes()
    {
        held = At(2026, 12, 2, 8, 0);
        var timeline = Timeline(("Morning", "0 0 9 * * ?"));

        await timeline.MoveToAsync(At(2026, 12, 2, 8, 30), CancellationToken.None);

        Assert.Equal(["Morning at 12-01 09:00", "settled at 12-01 09:00", "settled at 12-02 08:00", "settled at 12-02 08:30"], log);
    }

    [Fact]
    public async Task A_move_to_the_very_fire_time_runs_it_and_the_next_move_does_not_run_it_again()
    {
        var timeline = Timeline(("Morning", "0 0 9 * * ?"));

        await timeline.MoveToAsync(At(2026, 12, 1, 9, 0), CancellationToken.None);
        await timeline.MoveToAsync(At(2026, 12, 1, 10, 0), CancellationToken.None);

        Assert.Equal(["Morning at 12-01 09:00", "settled at 12-01 09:00", "settled at 12-01 09:00", "settled at 12-01 10:00"], log);
    }

    private SandboxTimeline Timeline(params (string Name, string Cron)[] scans) => new(
        clock,
        [.. scans.Select(s => new TimedScan(s.Name, new CronExpression(s.Cron, Bishkek)))],
        (name, _) =>
        {
            log.Add($"{name} at {Local(clock.GetUtcNow())}");
            return Task.CompletedTask;
        },
        (after, _) => Task.FromResult(held > after ? held : null),
        (at, _) =>
        {
            Assert.Equal(at, clock.GetUtcNow());
            log.Add($"settled at {Local(at)}");
            if (held <= at)
            {
                held = null;
            }

            return Task.CompletedTask;
        });

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Bishkek), TimeSpan.Zero);

    private static string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Bishkek).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
