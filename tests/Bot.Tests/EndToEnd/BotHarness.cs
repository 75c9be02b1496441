using CollegeBot.Bot.Cli;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Tests.Support;
using CollegeBot.Domain;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.People.Invites;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using CollegeBot.Scheduler;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>
/// The real bot host, built as Program.cs builds it, polling the fake Bot API server on 127.0.0.1 and keeping its
/// data in a real SQLite file. Tests act as Telegram users through <see cref="Telegram"/>.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string StudentCode = "S1001";
    public const string ParentCode = "P2001";
    public const string SecondParentCode = "P2002";
    public const string CuratorCode = "T3001";
    public const string OtherGroupStudentCode = "S2001";

    /// <summary>A small roster: students of two groups, a parent of two, a curator of one group, an admin.</summary>
    public const string Roster = """
        role,code,full_name,group,phone,language,students
        student,S1001,Айгерим Маратова,IT-1-23,+996555123456,ky,
        student,S1002,Бакыт Асанов,IT-1-23,,ru,
        student,S1003,Chynara Bekova,IT-1-23,,en,
        student,S2001,Eldar Sydykov,IT-2-23,,en,
        parent,P2001,Марат Токтогулов,,+996700111222,ru,S1001|S1002
        parent,P2002,Gulnara Maratova,,+996700333444,en,S1001
        curator,T3001,Нурлан Жумабеков,IT-1-23,+996555000111,,
        admin,A0001,Admin Office,,,en,
        """;

    private readonly List<Action<IServiceCollection>> services = [];
    private readonly List<string> settings = [];
    private IHost? host;

    private BotHarness(FakeBotApiServer telegram, TestDatabase database)
    {
        Telegram = telegram;
        Database = database;
    }

    public FakeBotApiServer Telegram { get; }
    public TestDatabase Database { get; }
    public FakeClock Clock => Database.Clock;
    public CapturedLogs Logs { get; private set; } = new();
    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>A fake server and a database with the roster imported; the bot itself starts with <see cref="StartBotAsync"/>.</summary>
    public static async Task<BotHarness> CreateAsync(FakeServerOptions? telegram = null, string roster = Roster)
    {
        var server = await FakeBotApiServer.StartAsync(telegram ?? FakeServerOptions.Generous());
        var database = await TestDatabase.CreateAsync();
        var harness = new BotHarness(server, database);
        await harness.ImportAsync(roster);
        return harness;
    }

    /// <summary>Adds services to every host started from now on (test-only commands, say).</summary>
    public BotHarness WithServices(Action<IServiceCollection> configure)
    {
        services.Add(configure);
        return this;
    }

    /// <summary>Adds a setting as the command line would: <c>Section:Key=value</c>.</summary>
    public BotHarness WithSetting(string keyAndValue)
    {
        settings.Add(keyAndValue);
        return this;
    }

    public async Task<BotHarness> StartBotAsync()
    {
        Logs = new CapturedLogs();
        string[] args =
        [
            $"--Telegram:BotToken={Telegram.Token}",
            $"--Telegram:ApiBaseUrl={Telegram.BaseUrl}",
            "--Telegram:PollingTimeoutSeconds=1",
            $"--ConnectionStrings:College={Database.ConnectionString}",
            "--Delivery:GlobalPerSecond=500",
            "--Delivery:PerChatPerSecond=100",
            // Jobs run when a test runs them (RunJobAsync), not when Quartz finds the moved fake clock past a fire time.
            "--Scheduler:Enabled=false",
            .. settings.Select(s => "--" + s),
        ];
        host = Verbs.BuildBot(args, builder =>
        {
            builder.AddDomain();
            builder.AddScheduler();
            builder.AddBot();
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in services)
            {
                configure(builder.Services);
            }
        });
        await host.StartAsync();
        return this;
    }

    /// <summary>Stops the bot as Ctrl+C does.</summary>
    public async Task StopBotAsync()
    {
        if (host is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(timeout.Token);
            host.Dispose();
            host = null;
        }
    }

    public async Task ImportAsync(string csv)
    {
        await using var db = Database.NewDb();
        var report = await new PeopleImporter(db, Clock).ImportAsync(new StringReader(csv), CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
    }

    /// <summary>A fresh invite code for one person, as the invites verb issues it.</summary>
    public async Task<string> InviteAsync(string personCode)
    {
        await using var db = Database.NewDb();
        var result = await new InviteIssuer(db, Clock).IssueAsync(new InviteFilter(Person: personCode), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Invites).InviteCode;
    }

    /// <summary>A Telegram user who opens their invite link; returns once the welcome arrived.</summary>
    public async Task<FakeUser> LinkAsync(string personCode, string? telegramLanguage = null)
    {
        var user = Telegram.CreateUser(personCode, telegramLanguage);
        await Telegram.SendTextAsync(user, "/start " + await InviteAsync(personCode));
        await Telegram.WaitForMessageAsync(user.ChatId);
        return user;
    }

    /// <summary>Sends a text and waits for the bot's next message in that chat.</summary>
    public async Task<BotMessage> AskAsync(FakeUser user, string text)
    {
        await Telegram.SendTextAsync(user, text);
        return await Telegram.WaitForMessageAsync(user.ChatId);
    }

    public async Task<T> QueryAsync<T>(Func<CollegeDb, Task<T>> query)
    {
        await using var db = Database.NewDb();
        return await query(db);
    }

    /// <summary>Runs a scheduled job now, on the harness clock, as Quartz or <c>run-job</c> runs it.</summary>
    public Task<int> RunJobAsync(string name) => Services.GetRequiredService<JobRunner>().RunAsync(name, CancellationToken.None);

    /// <summary>The outbox as the running bot's handlers get it, over a context of the test's own.</summary>
    public Outbox OutboxFor(CollegeDb db) => new(db, Clock, Services.GetRequiredService<QuietHoursHold>());

    public Task<Domain.People.Person> PersonAsync(string code) =>
        QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Code == code));

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await Telegram.DisposeAsync();
        await Database.DisposeAsync();
    }
}
