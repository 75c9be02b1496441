using System.Diagnostics;
using CollegeBot.Bot.Intake;
using CollegeBot.Bot.Telegram;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Benchmarks;

public sealed record AbsentResult(
    int Commands, TimeSpan Elapsed, TimeSpan Storing, int Handled, int Failed, int Absences, int OutboxRows,
    TimeSpan GcPauses, int Gen0, int Gen1, int Gen2, TimeSpan Cpu, long Allocated)
{
    public double PerSecond => Commands / Elapsed.TotalSeconds;
    public double StoredPerSecond => Commands / Storing.TotalSeconds;
}

/// <summary>
/// (b) /absent commands end to end: stored in the inbox as the poller stores them, then handled by the real
/// <see cref="UpdateProcessor"/> (route, record, notify, commit) until none is left. The host is built but its
/// loops are not started, so nothing else competes for the database and no Telegram traffic happens.
/// </summary>
public static class AbsentBenchmark
{
    public const int Students = 1000;
    public const int WarmUp = 1000;

    // As the fake server numbers its users, so ids look like Telegram's.
    private const long FirstUserId = 5_000_000_001;
    private const long CuratorUserId = FirstUserId + Students;

    public static async Task<AbsentResult> RunAsync(int commands, CancellationToken ct)
    {
        await using var telegram = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous(), ct);
        await using var host = await BenchHost.CreateAsync(telegram, [], commands: null, ct);
        await SeedAsync(host, ct);
        var processor = host.Services.GetRequiredService<UpdateProcessor>();

        // The first updates pay for JIT and EF's query compilation, which a running bot has long paid. The runtime
        // compiles hot methods a second time, optimised, after some 30 calls and in the background: a thousand
        // updates and a pause let that finish, so the timed run measures the bot as it runs all day.
        await StoreAsync(host, WarmUpUpdates(), ct);
        await DrainAsync(processor, ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        var storing = Stopwatch.StartNew();
        await StoreAsync(host, AbsentUpdates(commands, firstUpdateId: WarmUp + 1), ct);
        storing.Stop();

        Console.WriteLine($"(b) {commands:N0} /absent commands stored in the inbox in {storing.Elapsed.TotalSeconds:0.00} s; handling them…");
        var pausedBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var handling = Stopwatch.StartNew();
        await DrainAsync(processor, ct);
        handling.Stop();
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        int[] collections = [.. Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g])];

        return await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CollegeDb>();
            var timed = db.Inbox.Where(i => i.UpdateId > WarmUp);
            return new AbsentResult(
                commands, handling.Elapsed, storing.Elapsed,
                Handled: await timed.CountAsync(i => i.HandledAt != null, ct),
                Failed: await timed.CountAsync(i => i.Error != null, ct),
                Absences: await db.Absences.CountAsync(a => a.Subject != "Warm-up", ct),
                OutboxRows: await db.Outbox.CountAsync(ct),
                paused, collections[0], collections[1], collections[2], cpu, allocated);
        });
    }

    /// <summary>
    /// Handles a few hundred commands on a fresh host while recording every EF database event, and prints which
    /// queries one /absent costs and where the time goes.
    /// </summary>
    public static async Task ProfileAsync(int commands, CancellationToken ct)
    {
        var log = new CommandLog();
        await using var telegram = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous(), ct);
        await using var host = await BenchHost.CreateAsync(telegram, [], log, ct);
        await SeedAsync(host, ct);
        var processor = host.Services.GetRequiredService<UpdateProcessor>();
        await StoreAsync(host, WarmUpUpdates(), ct);
        await DrainAsync(processor, ct);
        await StoreAsync(host, AbsentUpdates(commands, firstUpdateId: WarmUp + 1), ct);

        // EF caches whether command logging is on for a second (its LoggingCacheTime); let that pass first.
        log.Listening = true;
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        log.Take();
        var watch = Stopwatch.StartNew();
        await DrainAsync(processor, ct);
        watch.Stop();
        log.Listening = false;
        Profile.Print(log.Take(), commands, watch.Elapsed);
    }

    private static async Task SeedAsync(BenchHost host, CancellationToken ct)
    {
        await Roster.ImportAsync(host, Students, ct);
        var users = Enumerable.Range(0, Students).ToDictionary(Roster.StudentCode, i => FirstUserId + i);
        users[Roster.CuratorCode] = CuratorUserId;
        await Roster.LinkAsync(host, users, ct);
    }

    /// <summary>In batches of 100, as the poller stores what one getUpdates returns.</summary>
    private static async Task StoreAsync(BenchHost host, IEnumerable<Update> updates, CancellationToken ct)
    {
        var inbox = host.Services.GetRequiredService<InboxWriter>();
        foreach (var batch in updates.Chunk(100))
        {
            await inbox.StoreAsync(batch, ct);
        }
    }

    private static async Task DrainAsync(UpdateProcessor processor, CancellationToken ct)
    {
        while (await processor.ProcessPendingAsync(ct) > 0)
        {
        }
    }

    private static IEnumerable<Update> WarmUpUpdates() =>
        Enumerable.Range(0, WarmUp).Select(k => Absent(k + 1, $"/absent {Roster.StudentCode(k % Students)} 2 Warm-up"));

    /// <summary>Each for a different (student, subject), so every one records an absence.</summary>
    private static IEnumerable<Update> AbsentUpdates(int count, long firstUpdateId) =>
        Enumerable.Range(0, count).Select(k =>
            Absent(firstUpdateId + k, $"/absent {Roster.StudentCode(k % Students)} 2 Subject {(k / Students) + 1}"));

    /// <summary>A curator's message as Telegram sends it: the command marked by a bot_command entity.</summary>
    private static Update Absent(long updateId, string text) => new()
    {
        UpdateId = updateId,
        Message = new Message
        {
            MessageId = (int)updateId,
            From = new User { Id = CuratorUserId, FirstName = "Curator", LanguageCode = "ru" },
            Chat = new Chat { Id = CuratorUserId, Type = ChatType.Private, FirstName = "Curator" },
            Date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Text = text,
            Entities = [new MessageEntity { Type = "bot_command", Offset = 0, Length = "/absent".Length }],
        },
    };
}
