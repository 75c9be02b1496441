using Quartz;

namespace CollegeBot.Bot.Sandbox;

/// <summary>A scan the sandbox fires on its own cron, as Quartz would in production.</summary>
internal sealed record TimedScan(string Name, CronExpression Cron);

/// <summary>
/// What happens while the sandbox clock moves from one instant to a later one, in order: each scan's cron fire times
/// in between (scans that fire at the same instant in the order they are registered), and the instants at which
/// messages held back (quiet hours, a retry's back-off) fall due. At each such instant the clock stands there, the
/// scans due run, and the bot settles, so "as of now" is right for every run and every delivery.
/// </summary>
internal sealed class SandboxTimeline(
    SandboxClock clock,
    IReadOnlyList<TimedScan> scans,
    Func<string, CancellationToken, Task> runScan,
    Func<DateTimeOffset, CancellationToken, Task<DateTimeOffset?>> nextHeldAfter,
    Func<DateTimeOffset, CancellationToken, Task> settleAt)
{
    /// <summary>Everything up to this instant has run.</summary>
    public DateTimeOffset DoneUntil { get; private set; } = clock.GetUtcNow();

    /// <summary>Moves the clock to <paramref name="target"/> (not before <see cref="DoneUntil"/>), running what falls due on the way.</summary>
    public async Task MoveToAsync(DateTimeOffset target, CancellationToken ct)
    {
        var at = DoneUntil;
        while (true)
        {
            var fires = scans.Select(s => (s.Name, Next: s.Cron.GetNextValidTimeAfter(at))).Where(f => f.Next <= target).ToList();
            var held = await nextHeldAfter(at, ct);
            var next = fires.Select(f => f.Next).Append(held is { } h && h <= target ? h : null).Min();
            if (next is not { } step)
            {
                break;
            }

            clock.Set(step);
            foreach (var (name, _) in fires.Where(f => f.Next == step))
            {
                await runScan(name, ct);
            }

            await settleAt(step, ct);
            at = DoneUntil = step;
        }

        clock.Set(target);
        DoneUntil = target;
        await settleAt(target, ct);
    }

    /// <summary>Runs what fell due while real time passed (a line typed at 09:59:58 that ends at 10:00:01).</summary>
    public Task CatchUpAsync(CancellationToken ct) => MoveToAsync(Max(clock.GetUtcNow(), DoneUntil), ct);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
