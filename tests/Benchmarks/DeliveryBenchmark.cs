using System.Diagnostics;
using CollegeBot.Bot.Delivery;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CollegeBot.Benchmarks;

public sealed record DeliveryResult(
    int Notifications, int Chats, double ConfiguredPerSecond, bool Complete, int Delivered,
    TimeSpan FromHostStart, TimeSpan FromFirstSend, int TooManyRequests, int PeakInOneSecond, TimeSpan TightestChatGap)
{
    /// <summary>Sends after the first, over the time from the first send to the last: the steady rate.</summary>
    public double RatePerSecond => Delivered > 1 ? (Delivered - 1) / FromFirstSend.TotalSeconds : 0;

    /// <summary>Everything delivered over the time since the host was started, start-up included.</summary>
    public double RateFromStart => Delivered / FromHostStart.TotalSeconds;

    public double Ratio => RatePerSecond / ConfiguredPerSecond;
}

/// <summary>
/// (a) Notifications queued in one transaction, delivered by the real dispatcher to the fake server that enforces
/// Telegram's limits (1 per chat per second, 30 per second overall), with the bot set to its default 25 per second.
/// </summary>
public static class DeliveryBenchmark
{
    public const double GlobalPerSecond = 25;

    public static async Task<DeliveryResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        await using var telegram = await FakeBotApiServer.StartAsync(new FakeServerOptions
        {
            EnforceRateLimits = true,
            PerChatPerSecond = 1,
            PerChatBurst = 1,
            GlobalPerSecond = 30,
        }, ct);
        await using var host = await BenchHost.CreateAsync(telegram,
            [$"Delivery:GlobalPerSecond={GlobalPerSecond}", "Delivery:PerChatPerSecond=1"], commands: null, ct);

        await Roster.ImportAsync(host, options.Chats, ct);
        var students = await Roster.StudentsAsync(host, ct);
        var users = students.ToDictionary(s => s.Code, s => telegram.CreateUser(s.FullName).Id);
        await Roster.LinkAsync(host, users, ct);
        students = await Roster.StudentsAsync(host, ct);
        await EnqueueAsync(host, students, options, ct);
        var configured = host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.GlobalPerSecond;

        Console.WriteLine($"(a) {options.Notifications:N0} notifications queued for {students.Count:N0} chats " +
            $"({(options.Interleaved ? "announcement by announcement" : "each chat's together")}); starting the bot…");
        var started = DateTimeOffset.UtcNow;
        await host.StartAsync(ct);
        var sent = await WaitForSendsAsync(telegram, options.Notifications, Deadline(options.Notifications, configured), ct);

        var complete = sent.Count >= options.Notifications;
        var last = sent.Count == 0 ? DateTimeOffset.UtcNow : sent[^1].Time;
        var first = sent.Count == 0 ? last : sent[0].Time;
        var outbox = await host.InScopeAsync(sp => sp.GetRequiredService<CollegeDb>().Outbox
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct));
        Console.WriteLine($"    outbox rows by status: {string.Join(", ", outbox.Select(o => $"{o.Key} {o.Count:N0}"))}");

        return new DeliveryResult(options.Notifications, students.Count, configured, complete, sent.Count,
            last - started, last - first, telegram.TooManyRequestsCount, PeakInOneSecond(sent), TightestChatGap(sent));
    }

    /// <summary>All in one transaction, as a broadcast would queue them.</summary>
    private static Task<int> EnqueueAsync(BenchHost host, List<Person> students, BenchmarkOptions options, CancellationToken ct) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CollegeDb>();
            var outbox = sp.GetRequiredService<Outbox>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var rounds = (options.Notifications + students.Count - 1) / students.Count;
            var plan = Enumerable.Range(0, rounds)
                .SelectMany(round => students.Select((student, index) => (Round: round, Index: index, Student: student)))
                .Take(options.Notifications);
            if (!options.Interleaved)
            {
                plan = plan.OrderBy(p => p.Index).ThenBy(p => p.Round);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (round, _, student) in plan)
            {
                var text = Text.Of("absence.notify.student")
                    .With("student", student.FullName)
                    .With("date", today.AddDays(-round))
                    .With("hours", 2)
                    .WithDistance("due", today.AddDays(14))
                    .With("subject", "");
                await outbox.EnqueueAsync(student, "benchmark", OutgoingMessage.Of(text), ct);
            }

            var saved = await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return saved;
        });

    private static async Task<List<RecordedRequest>> WaitForSendsAsync(FakeBotApiServer telegram, int expected, TimeSpan deadline, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(10);
        while (true)
        {
            var sent = telegram.RequestsFor("sendMessage").Where(r => r.Succeeded).ToList();
            if (sent.Count >= expected || watch.Elapsed > deadline)
            {
                return sent;
            }

            if (watch.Elapsed >= nextReport)
            {
                Console.WriteLine($"    {watch.Elapsed.TotalSeconds,5:0} s: {sent.Count:N0} delivered, {telegram.TooManyRequestsCount} × 429");
                nextReport += TimeSpan.FromSeconds(10);
            }

            await Task.Delay(100, ct);
        }
    }

    // Twice the time the configured rate needs, and a minute for start-up and retries after a 429.
    private static TimeSpan Deadline(int notifications, double perSecond) =>
        TimeSpan.FromSeconds(2 * notifications / perSecond + 60);

    /// <summary>The most sends the fake saw within any rolling second (it allows 30).</summary>
    private static int PeakInOneSecond(List<RecordedRequest> sent)
    {
        var peak = 0;
        for (int start = 0, end = 0; end < sent.Count; end++)
        {
            while (sent[end].Time - sent[start].Time >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    /// <summary>The shortest time between two sends into the same chat (the fake allows one a second).</summary>
    private static TimeSpan TightestChatGap(List<RecordedRequest> sent) =>
        sent.GroupBy(r => r.ChatId)
            .SelectMany(g => g.Zip(g.Skip(1), (a, b) => b.Time - a.Time))
            .DefaultIfEmpty(TimeSpan.Zero)
            .Min();
}
