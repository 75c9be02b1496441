using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// The demo college's past: working days before today, and the steps that happened on them, played in the order they
/// happened. The services run now, so each step's instants (recorded, submitted, graded) are moved back to the moment
/// it happened, and the messages it caused are marked delivered at that moment: the sandbox opens without a flood.
/// </summary>
internal sealed class DemoTimeline(CollegeDb db, CollegeCalendar calendar)
{
    private readonly List<(DateTime At, int Order, Func<DateTime, CancellationToken, Task> Step)> steps = [];

    public DateOnly Today => calendar.Today;

    /// <summary>The <paramref name="n"/>th working day before today (1 = the last one); Sundays and holidays are skipped.</summary>
    public DateOnly WorkingDaysAgo(int n)
    {
        var day = Today;
        for (var found = 0; found < n;)
        {
            day = day.AddDays(-1);
            found += calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return day;
    }

    /// <summary>The working days before today, the most recent first, as far back as <paramref name="days"/> calendar days.</summary>
    public IEnumerable<DateOnly> WorkingDaysWithin(int days) =>
        Enumerable.Range(1, days).Select(d => Today.AddDays(-d)).Where(calendar.IsWorkingDay);

    /// <summary>The next working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day) => calendar.NextWorkingDayFrom(day.AddDays(1));

    /// <summary>A moment of college time on <paramref name="day"/>, never later than now.</summary>
    public DateTime At(DateOnly day, int hour, int minute = 0)
    {
        var at = calendar.ToUtc(day, new TimeOnly(hour, minute));
        return at < calendar.UtcNow ? at : calendar.UtcNow;
    }

    public DateTime Now => calendar.UtcNow;

    /// <summary>Plans a step for the moment <paramref name="at"/>; steps of the same moment keep the order they were planned in.</summary>
    public void On(DateTime at, Func<DateTime, CancellationToken, Task> step) => steps.Add((at, steps.Count, step));

    /// <summary>Plays the planned steps in time order, each saved with its messages marked delivered at its moment.</summary>
    public async Task PlayAsync(CancellationToken ct)
    {
        foreach (var (at, _, step) in steps.OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            await step(at, ct);
            await DeliveredAsync(at, ct);
        }

        steps.Clear();
    }

    /// <summary>Saves, and marks every message not sent yet as sent at <paramref name="at"/>.</summary>
    public async Task DeliveredAsync(DateTime at, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.AwaitingLink)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Sent)
                .SetProperty(o => o.CreatedAt, at)
                .SetProperty(o => o.NotBefore, at)
                .SetProperty(o => o.SentAt, at), ct);
    }
}

/// <summary>What a planned step makes, once it has been played (a later step of the timeline uses it).</summary>
internal sealed class Later<T>
    where T : class
{
    public T? Value { get; set; }
}
