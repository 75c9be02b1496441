using System.Globalization;
using CollegeBot.Bot.Tests.Support;
using CollegeBot.Domain;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Scheduler.Tests.Support;

/// <summary>
/// The domain and the scheduler wired as Program.cs wires them (without the Telegram side), over a real SQLite file
/// and a fake clock. Jobs run through the <see cref="JobRunner"/> at the times a test sets; Quartz itself starts only
/// when a test asks for it.
/// </summary>
public sealed class SchedulerHost : IAsyncDisposable
{
    /// <summary>Two groups; S1 has two parents, P2 is also S2's parent; each group has its curator.</summary>
    public const string Roster = """
        role,code,full_name,group,phone,language,students
        student,S1,Aida Bekova,IT-1,+996555000001,en,
        student,S2,Bakyt Osmonov,IT-1,+996555000002,ru,
        student,S3,Chynara Asanova,IT-2,,ky,
        parent,P1,Elmira Bekova,,+996700000001,ru,S1
        parent,P2,Farid Bekov,,+996700000002,en,S1|S2
        curator,C1,Dina Petrova,IT-1,+996555000010,ru,
        curator,C2,Nurlan Jumabekov,IT-2,+996555000020,ky,
        admin,A1,Admin Office,,,en,
        """;

    private SchedulerHost(TestDatabase database, IHost host, CapturedLogs logs)
    {
        Database = database;
        Host = host;
        Logs = logs;
    }

    public TestDatabase Database { get; }
    public FakeClock Clock => Database.Clock;
    public IHost Host { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => Host.Services;

    /// <summary>A host over a new database with <see cref="Roster"/> imported; <paramref name="settings"/> as <c>Key=value</c>.</summary>
    public static async Task<SchedulerHost> CreateAsync(params string[] settings)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewDb())
        {
            var report = await new PeopleImporter(db, database.Clock).ImportAsync(new StringReader(Roster), CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        }

        var logs = new CapturedLogs();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [$"--ConnectionStrings:College={database.ConnectionString}", "--Scheduler:Enabled=false", .. settings.Select(s => "--" + s)],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddDomain();
        builder.AddScheduler();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(database.Clock);
        return new SchedulerHost(database, builder.Build(), logs);
    }

    /// <summary>Sets the clock to a moment in Bishkek (UTC+6), e.g. <c>2026-12-14 09:00</c>.</summary>
    public void At(string bishkek) =>
        Clock.Now = new DateTimeOffset(DateTime.ParseExact(bishkek, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(6));

    /// <summary>Sets the clock to 09:00 in Bishkek on <paramref name="day"/>, when CatchUpReminders runs by default.</summary>
    public void At(DateOnly day) => At($"{day:yyyy-MM-dd} 09:00");

    public Task<int> RunAsync(string job) => Services.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None);

    /// <summary>Runs <paramref name="work"/> in a DI scope of its own and commits it, as one update or one job run is.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<CollegeDb>().SaveChangesAsync();
        return result;
    }

    /// <summary>An absence recorded now by the administrator, as /absent records it (with its own notifications).</summary>
    public async Task<Absence> RecordAsync(string studentCode, int hours, string date, string? subject = null)
    {
        var result = await InScopeAsync(async sp =>
        {
            var admin = await sp.GetRequiredService<CollegeDb>().People.SingleAsync(p => p.Code == "A1");
            return await sp.GetRequiredService<AbsenceRecorder>().RecordAsync(admin, studentCode, hours, DateOnly.Parse(date, CultureInfo.InvariantCulture), subject, CancellationToken.None);
        });
        return Assert.IsType<RecordResult.Recorded>(result).Absence;
    }

    /// <summary>Marks the people as having linked Telegram (their chat id is their number in the roster's order).</summary>
    public Task LinkAsync(params string[] codes) =>
        InScopeAsync(async sp =>
        {
            foreach (var person in await sp.GetRequiredService<CollegeDb>().People.Where(p => codes.Contains(p.Code)).ToListAsync())
            {
                person.TelegramUserId = person.ChatId = 1000 + person.Id;
                person.LinkedAt = Clock.UtcNow;
            }

            return 0;
        });

    /// <summary>The outbox rows after <paramref name="afterId"/>, each with the code of the person it is for.</summary>
    public async Task<List<(string To, OutboxMessage Row)>> QueuedAsync(long afterId = 0)
    {
        await using var db = Database.NewDb();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Id > afterId).OrderBy(o => o.Id).ToListAsync();
        var codes = await db.People.ToDictionaryAsync(p => p.Id, p => p.Code);
        return [.. rows.Select(r => (r.PersonId is { } id ? codes[id] : "?", r))];
    }

    public async Task<long> LastOutboxIdAsync()
    {
        await using var db = Database.NewDb();
        return await db.Outbox.MaxAsync(o => (long?)o.Id) ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Database.DisposeAsync();
    }
}
