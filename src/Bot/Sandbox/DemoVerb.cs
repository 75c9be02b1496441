using System.Globalization;
using CollegeBot.Bot.Cli;
using CollegeBot.Bot.Intake;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Sandbox;

/// <summary>What <c>demo</c> was asked: a script to run, a database file to keep, a start time, settings to try.</summary>
public sealed record DemoArguments(string? Script, string? Database, DateTime? Start, IReadOnlyList<string> Settings)
{
    public const string Usage = """
        Usage: dotnet run --project src/Bot -- demo [--script FILE] [--db PATH] [--start "YYYY-MM-DD HH:MM"] [--Section:Key=value ...]

          --script FILE   run the lines of FILE instead of reading the terminal; exit 1 if any line failed
          --db PATH       keep the sandbox's data in this SQLite file (a new one is seeded, an earlier one continued);
                          without it a temporary database is used and deleted at exit
          --start WHEN    the sandbox's first moment, in college time (default: now); a script may begin with
                          the line `start YYYY-MM-DD HH:MM` instead
          --Section:Key=value   any other setting, as for the bot (e.g. --College:QuietHours=)
        """;

    /// <returns>The arguments, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static DemoArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? script = null, database = null, problem = null;
        DateTime? start = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (arg)
            {
                case "--script":
                    script = Value() ?? Fail("--script needs a file.");
                    break;
                case "--db":
                    database = Value() ?? Fail("--db needs a file path.");
                    break;
                case "--start":
                    var when = Value();
                    // "--start 2026-12-01 09:00" arrives as two words when not quoted.
                    if (when is { Length: 10 } && i + 1 < args.Count && args[i + 1].Length == 5)
                    {
                        when += " " + args[++i];
                    }

                    start = ParseStart(when);
                    if (start is null)
                    {
                        Fail($"--start wants \"YYYY-MM-DD HH:MM\" (college time), not '{when}'.");
                    }

                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':') && setting.Contains('='):
                    settings.Add(setting);
                    break;
                default:
                    Fail($"Unknown argument '{arg}'.");
                    break;
            }

            if (problem is not null)
            {
                break;
            }
        }

        error = problem;
        return problem is null ? new DemoArguments(script, database, start, settings) : null;

        string? Fail(string message)
        {
            problem ??= message;
            return null;
        }
    }

    /// <summary>"2026-12-01 09:00" as a college-time moment, or null.</summary>
    public static DateTime? ParseStart(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;

    /// <summary>The start a script names on its first line (<c>start YYYY-MM-DD HH:MM</c>), if it does.</summary>
    public static DateTime? ScriptStart(string script)
    {
        var first = script.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return first is not null && first.StartsWith("start ", StringComparison.Ordinal) ? ParseStart(first["start ".Length..]) : null;
    }
}

/// <summary>
/// <c>demo</c>: the whole bot offline, in one command. The real host (the same handlers, jobs, outbox and dispatcher)
/// polls a fake Telegram on 127.0.0.1 over a fresh demo database; the terminal chats as any person of the demo college and
/// moves the clock. It never reads the configured database: the connection string and the provider are overridden.
/// </summary>
public static class DemoVerb
{
    /// <summary>The token the sandbox's fake Telegram accepts: not a real one, so nothing real can be reached with it.</summary>
    public const string Token = "100000001:SandboxTokenNotARealOne_0123456789ab";

    public static async Task<int> RunAsync(
        string[] args, Action<IHostApplicationBuilder> configure, TextReader input, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (DemoArguments.Parse(args, out var error) is not { } demo)
        {
            return Verbs.Print(errors, $"{error}\n\n{DemoArguments.Usage}", 2);
        }

        string? script = null;
        if (demo.Script is { } path)
        {
            if (!File.Exists(path))
            {
                return Verbs.Print(errors, $"There is no script file '{path}'.", 2);
            }

            script = await File.ReadAllTextAsync(path, ct);
        }

        var clock = new SandboxClock(DateTimeOffset.UtcNow);
        var file = demo.Database ?? Path.Combine(Path.GetTempPath(), $"collegebot-demo-{Guid.NewGuid():N}.db");
        await using var telegram = await FakeBotApiServer.StartAsync(new FakeServerOptions
        {
            Token = Token,
            BotUsername = "college_demo_bot",
            BotFirstName = "College Bot (demo)",
            EnforceRateLimits = false,
            TimeProvider = clock,
        }, ct);
        var host = Verbs.BuildBot([.. demo.Settings, .. Overrides(telegram, file)], builder =>
        {
            configure(builder);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.AddScoped<DemoCollege>();
            // The terminal is the sandbox's output; the bot's own log keeps to warnings, on the error stream.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        try
        {
            return await RunAsync(host, telegram, clock, demo, file, script, input, output, ct);
        }
        finally
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
            {
                await host.StopAsync(timeout.Token);
            }

            host.Dispose();
            SqliteConnection.ClearAllPools();
            if (demo.Database is null)
            {
                foreach (var part in new[] { "", "-wal", "-shm", "-journal" })
                {
                    File.Delete(file + part);
                }
            }
        }
    }

    /// <summary>What the sandbox always sets, whatever is configured: last on the command line, so they win.</summary>
    private static string[] Overrides(FakeBotApiServer telegram, string databaseFile) =>
    [
        $"--Telegram:BotToken={telegram.Token}",
        $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
        $"--Telegram:BotUsername={telegram.BotUsername}",
        "--Telegram:Mode=Polling",
        "--Telegram:PollingTimeoutSeconds=1",
        "--Database:Provider=Sqlite",
        $"--ConnectionStrings:College={new SqliteConnectionStringBuilder { DataSource = databaseFile }}",
        // Jobs run when the sandbox clock passes their fire times, not on Quartz's own timers.
        "--Scheduler:Enabled=false",
        // Telegram's rates would only make the demo wait; the dispatcher's pacing itself is unchanged.
        "--Delivery:GlobalPerSecond=500",
        "--Delivery:PerChatPerSecond=100",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
    ];

    private static async Task<int> RunAsync(
        IHost host, FakeBotApiServer telegram, SandboxClock clock, DemoArguments demo, string database, string? script,
        TextReader input, TextWriter output, CancellationToken ct)
    {
        var calendar = host.Services.GetRequiredService<CollegeCalendar>();
        if ((demo.Start ?? (script is null ? null : DemoArguments.ScriptStart(script))) is { } start)
        {
            clock.Set(calendar.InstantOf(start));
        }

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var (people, users, continued) = await PeopleAsync(host, telegram, ct);
        await host.StartAsync(ct);
        if (host.Services.GetRequiredService<BotLifetime>().FailureReason is { } failure)
        {
            return Verbs.Print(output, failure, 2);
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var ctrlC = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopping.Cancel);
        var sandbox = new DemoSandbox(host, telegram, clock, users, people, output);
        output.WriteLine($"""
            College Bot sandbox: the real bot, talking to a fake Telegram at {telegram.BaseUrl}; no network, no token needed.
            Database: {database}{(demo.Database is null ? " (temporary, deleted at exit)" : continued ? " (continued)" : " (kept)")}. Sandbox time: {sandbox.Now} ({calendar.Zone.Id}).
            """);
        try
        {
            await sandbox.StartAsync(stopping.Token);
            output.WriteLine($"{people.Count} people; `people` shows who is who, `as <code>` switches person, `help` lists the commands.");
            var terminal = new SandboxTerminal(sandbox, output, script is not null);
            return await terminal.RunAsync(script is null ? input : new StringReader(script), stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            output.WriteLine("Stopped.");
            return script is null ? 0 : 1;
        }
    }

    /// <summary>The demo college's people as Telegram users: seeded into a new database, or those of an earlier run.</summary>
    private static async Task<(IReadOnlyList<DemoPerson> People, List<FakeUser> Users, bool Continued)> PeopleAsync(
        IHost host, FakeBotApiServer telegram, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var users = new List<FakeUser>();
        var linked = await db.People.AsNoTracking().Include(p => p.Group).Include(p => p.CuratedGroups).ThenInclude(g => g.Group)
            .Where(p => p.TelegramUserId != null).OrderBy(p => p.Id).ToListAsync(ct);
        IReadOnlyList<DemoPerson> people;
        if (linked.Count > 0)
        {
            telegram.ContinueUpdateIdsAfter(await db.Inbox.MaxAsync(i => (long?)i.UpdateId, ct) ?? 0);
            users.AddRange(linked.Select(p => telegram.CreateUser(FirstName(p.FullName), p.Language, userId: p.TelegramUserId)));
            var defaultLanguage = scope.ServiceProvider.GetRequiredService<IOptions<CollegeOptions>>().Value.DefaultLanguage;
            people = [.. linked.Select(p => DemoPerson.Of(p, defaultLanguage))];
        }
        else
        {
            people = await scope.ServiceProvider.GetRequiredService<DemoCollege>().SeedAsync(person =>
            {
                var user = telegram.CreateUser(FirstName(person.FullName), person.Language);
                users.Add(user);
                return user.Id;
            }, ct);
        }

        // Proof photos of excuses made without this Telegram (seeded, or sent in an earlier run) are known to it too.
        foreach (var fileId in await db.Excuses.Select(e => e.FileId).Distinct().ToListAsync(ct))
        {
            telegram.AddPhotoWithId(fileId, DemoCollege.SamplePhoto);
        }

        return (people, users, linked.Count > 0);
    }

    private static string FirstName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? fullName;
}
