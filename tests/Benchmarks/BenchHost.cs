using CollegeBot.Bot;
using CollegeBot.Bot.Cli;
using CollegeBot.Domain;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using CollegeBot.Scheduler;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CollegeBot.Benchmarks;

/// <summary>
/// The real bot host, built as Program.cs builds it, talking to the fake Bot API server and keeping its data in a
/// SQLite file of its own, which is deleted afterwards. The database is migrated when the host is made, so a
/// benchmark can fill it before the loops start (or without starting them at all).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "collegebot-benchmarks");

    private readonly string file;
    private readonly string connectionString;
    private bool started;

    private BenchHost(IHost host, string file, string connectionString)
    {
        Host = host;
        this.file = file;
        this.connectionString = connectionString;
    }

    public IHost Host { get; }
    public IServiceProvider Services => Host.Services;

    /// <param name="settings">Settings as the command line gives them: <c>Section:Key=value</c>.</param>
    /// <param name="commands">Receives the SQL the bot runs, while it listens.</param>
    public static async Task<BenchHost> CreateAsync(FakeBotApiServer telegram, IEnumerable<string> settings, CommandLog? commands, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        string[] args =
        [
            $"--Telegram:BotToken={telegram.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            "--Telegram:PollingTimeoutSeconds=1",
            $"--ConnectionStrings:College={connectionString}",
            .. settings.Select(s => "--" + s),
        ];
        var host = Verbs.BuildBot(args, builder =>
        {
            builder.AddDomain();
            builder.AddScheduler();
            builder.AddBot();

            // Warnings only (a 429 would show), so console output does not weigh on what is measured.
            // appsettings.json asks for Information; a rule for the console provider itself outranks it.
            builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            if (commands is not null)
            {
                builder.Logging.AddProvider(commands);
                builder.Logging.AddFilter<CommandLog>(CommandLog.Category, LogLevel.Debug);
            }
        });

        var bench = new BenchHost(host, file, connectionString);
        try
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the loops: intake, processing, delivery and the scheduler.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        started = true;
        await Host.StartAsync(ct);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();

        // Pooled connections keep the file open; release them so it can be deleted.
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Still held by something; the temp folder is cleaned eventually.
            }
        }
    }
}
