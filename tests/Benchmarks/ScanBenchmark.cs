using System.Diagnostics;
using CollegeBot.Domain.College;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using CollegeBot.Scheduler;
using CollegeBot.Scheduler.Attendance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Benchmarks;

public sealed record ScanSize(int Absences, int Students, TimeSpan Filling, TimeSpan Median, TimeSpan Fastest, TimeSpan Slowest, int Notifications);

public sealed record ScanResult(ScanSize Small, ScanSize Large)
{
    public double Ratio => Large.Median.TotalMilliseconds / Small.Median.TotalMilliseconds;
}

/// <summary>
/// (c) The CatchUpReminders scan over a small and a large history of absences. Both databases hold the same
/// catch-ups due now (reminders three days, one day and no day before the due date, catch-ups overdue since
/// yesterday, and some due later); the large one has years more history behind them: absences excused without a
/// catch-up, made up, or long since announced overdue. So the scan does the same work in both, and any difference is
/// what the history costs it. Each timed run starts from the same state: the outbox emptied and the overdue notices
/// of the live catch-ups unsent, outside the timing.
/// </summary>
public static class ScanBenchmark
{
    public const int StudentsPerGroup = 25;
    public const int AbsencesPerStudent = 50;
    public const int Runs = 7;
    public const int WarmUpRuns = 5;

    // Live catch-ups, the same in both databases: due in 3 days, in 1 day, today, overdue since yesterday, in 7 days.
    private static readonly (int DaysUntilDue, int Count)[] Live = [(3, 100), (1, 50), (0, 50), (-1, 50), (7, 50)];

    public static async Task<ScanResult> RunAsync(int small, int large, CancellationToken ct)
    {
        // A first pass warms the process (the runtime's and EF's caches), so neither size measured pays for it.
        await MeasureAsync(small, ct);
        var smallSize = await MeasureAsync(small, ct);
        var largeSize = await MeasureAsync(large, ct);
        return new ScanResult(smallSize, largeSize);
    }

    private static async Task<ScanSize> MeasureAsync(int absences, CancellationToken ct)
    {
        await using var telegram = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous(), ct);
        // Quiet hours off, so the result does not depend on the hour the benchmark runs at.
        await using var host = await BenchHost.CreateAsync(telegram, ["College:QuietHours="], commands: null, ct);
        var students = Math.Max(Live.Sum(l => l.Count), absences / AbsencesPerStudent);
        Console.WriteLine($"(c) filling a database with {absences:N0} absences of {students:N0} students…");
        var filling = Stopwatch.StartNew();
        var liveIds = await FillAsync(host, students, absences, ct);
        filling.Stop();

        var runner = host.Services.GetRequiredService<JobRunner>();
        var times = new List<TimeSpan>();
        var notifications = 0;
        for (var run = -WarmUpRuns; run < Runs; run++)
        {
            if (run == 0)
            {
                // The first runs pay for JIT and EF's query compilation, which a bot running for days has long paid;
                // a pause lets the runtime finish compiling the hot code optimised in the background.
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }

            await ResetAsync(host, liveIds, ct);
            var watch = Stopwatch.StartNew();
            notifications = await runner.RunAsync(CatchUpRemindersScan.Name, ct);
            watch.Stop();
            if (run >= 0)
            {
                times.Add(watch.Elapsed);
            }
        }

        times.Sort();
        return new ScanSize(absences, students, filling.Elapsed, times[times.Count / 2], times[0], times[^1], notifications);
    }

    /// <summary>People through EF, absences through one prepared statement in one transaction (EF would take minutes).</summary>
    /// <returns>The ids of the live absences that become overdue, whose notices each run must send again.</returns>
    private static async Task<List<long>> FillAsync(BenchHost host, int students, int absences, CancellationToken ct)
    {
        var (today, curatorOf) = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CollegeDb>();
            var now = DateTime.UtcNow;
            var groups = Enumerable.Range(0, (students + StudentsPerGroup - 1) / StudentsPerGroup)
                .Select(g => new Group { Name = $"BENCH-{g + 1}" }).ToList();
            var chat = 5_000_000_001L;
            Person Linked(Person p)
            {
                p.TelegramUserId = p.ChatId = chat++;
                p.LinkedAt = p.CreatedAt = p.UpdatedAt = now;
                return p;
            }

            var curators = groups.Select((g, i) => Linked(new Person { Code = $"T{i + 1:D5}", FullName = $"Curator {i + 1}", Roles = Roles.Curator, Language = "ru" })).ToList();
            var people = Enumerable.Range(0, students).Select(i => Linked(new Person
            {
                Code = $"S{i + 1:D7}",
                FullName = $"Student {i + 1}",
                Roles = Roles.Student,
                Language = (i % 3) switch { 0 => "ky", 1 => "ru", _ => "en" },
                Group = groups[i / StudentsPerGroup],
            })).ToList();
            db.AddRange(groups);
            db.AddRange(curators);
            db.AddRange(people);
            db.AddRange(groups.Select((g, i) => new GroupCurator { Group = g, Curator = curators[i] }));
            // The students with live catch-ups each have a parent, who hears of the due day and the overdue notice.
            db.AddRange(people.Take(Live.Sum(l => l.Count)).Select((student, i) => new ParentChild
            {
                Child = student,
                Parent = Linked(new Person { Code = $"P{i + 1:D7}", FullName = $"Parent {i + 1}", Roles = Roles.Parent, Language = "ky" }),
            }));
            await db.SaveChangesAsync(ct);
            return (sp.GetRequiredService<CollegeCalendar>().Today, curators.Select(c => c.Id).ToList());
        });

        var (firstStudent, lastStudent) = await host.InScopeAsync(async sp =>
        {
            var ids = sp.GetRequiredService<CollegeDb>().People.Where(p => p.Roles == Roles.Student).Select(p => p.Id);
            return (await ids.MinAsync(ct), await ids.MaxAsync(ct));
        });

        var connectionString = host.Services.GetRequiredService<CollegeDb>().Database.GetConnectionString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO absences ("StudentId", "Date", "Hours", "Subject", "SubjectKey", "RecordedById", "RecordedAt",
                                  "Excused", "CatchUpDueOn", "CaughtUpAt", "CaughtUpById", "OverdueNotifiedAt")
            VALUES ($student, $date, 2, $subject, $key, $recorder, $at, $excused, $due, $caughtUp, $caughtUpBy, $notified)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$student", "$date", "$subject", "$key", "$recorder", "$at", "$excused", "$due", "$caughtUp", "$caughtUpBy", "$notified" })
        {
            p[name] = insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        insert.Prepare();
        var studentCount = lastStudent - firstStudent + 1;
        var random = new Random(20261201);

        void Row(int student, DateOnly date, string subject, bool excused, DateOnly? due, DateTime? caughtUp, DateTime? notified)
        {
            var recorder = curatorOf[(student - firstStudent) / StudentsPerGroup];
            p["$student"].Value = student;
            p["$date"].Value = date;
            p["$subject"].Value = subject;
            p["$key"].Value = subject.ToLowerInvariant();
            p["$recorder"].Value = recorder;
            p["$at"].Value = date.ToDateTime(new TimeOnly(10, 0));
            p["$excused"].Value = excused;
            p["$due"].Value = (object?)due ?? DBNull.Value;
            p["$caughtUp"].Value = (object?)caughtUp ?? DBNull.Value;
            p["$caughtUpBy"].Value = caughtUp is null ? DBNull.Value : recorder;
            p["$notified"].Value = (object?)notified ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }

        // The live catch-ups, one per student, recorded 14 days before they are due.
        var liveStudent = firstStudent;
        foreach (var (days, count) in Live)
        {
            for (var i = 0; i < count; i++, liveStudent++)
            {
                var due = today.AddDays(days);
                Row(liveStudent, due.AddDays(-14), "Live", excused: false, due, caughtUp: null, notified: null);
            }
        }

        // The history: years of absences a month and more ago, spread over all students. A third were excused
        // without a catch-up; of the rest nine in ten were made up, and the others were announced overdue long ago.
        var history = absences - Live.Sum(l => l.Count);
        for (var i = 0; i < history; i++)
        {
            var student = firstStudent + i % studentCount;
            var date = today.AddDays(-30 - (i / studentCount) * 29 - random.Next(7));
            var due = date.AddDays(14);
            var at = due.ToDateTime(new TimeOnly(12, 0));
            var kind = random.Next(10);
            if (kind < 3)
            {
                Row(student, date, "History", excused: true, due: null, caughtUp: null, notified: null);
            }
            else if (kind < 9)
            {
                Row(student, date, "History", excused: false, due, caughtUp: at.AddDays(-3), notified: null);
            }
            else
            {
                Row(student, date, "History", excused: false, due, caughtUp: null, notified: at.AddDays(1));
            }
        }

        await transaction.CommitAsync(ct);

        return await host.InScopeAsync(sp => sp.GetRequiredService<CollegeDb>().Absences
            .Where(a => a.Subject == "Live" && a.CatchUpDueOn < today).Select(a => a.Id).ToListAsync(ct));
    }

    private static Task ResetAsync(BenchHost host, List<long> overdueIds, CancellationToken ct) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CollegeDb>();
            await db.Outbox.ExecuteDeleteAsync(ct);
            return await db.Absences.Where(a => overdueIds.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.OverdueNotifiedAt, (DateTime?)null), ct);
        });
}
