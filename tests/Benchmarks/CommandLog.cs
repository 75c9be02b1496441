using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Benchmarks;

/// <summary>
/// Records EF Core's database events (commands, transactions, connections) with a timestamp, to see which
/// queries one update costs and how long each takes. Used only in the profile, never in a timed run.
/// </summary>
public sealed class CommandLog : ILoggerProvider
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database";

    private readonly ConcurrentQueue<DbEvent> events = new();

    public bool Listening { get; set; }

    public IReadOnlyList<DbEvent> Take()
    {
        var taken = new List<DbEvent>();
        while (events.TryDequeue(out var e))
        {
            taken.Add(e);
        }

        return taken;
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(Category, StringComparison.Ordinal) ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(CommandLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => log.Listening;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!log.Listening)
            {
                return;
            }

            var sql = state is IReadOnlyList<KeyValuePair<string, object?>> values
                ? values.FirstOrDefault(v => v.Key == "commandText").Value as string
                : null;
            log.events.Enqueue(new DbEvent(Stopwatch.GetTimestamp(), eventId.Id, Kind(eventId.Id), sql));
        }
    }

    private static DbEventKind Kind(int id) =>
        id == RelationalEventId.CommandExecuting.Id ? DbEventKind.CommandStart
        : id == RelationalEventId.CommandExecuted.Id ? DbEventKind.CommandEnd
        : id == RelationalEventId.TransactionStarting.Id ? DbEventKind.TransactionStart
        : id == RelationalEventId.TransactionCommitting.Id ? DbEventKind.CommitStart
        : id == RelationalEventId.TransactionCommitted.Id ? DbEventKind.CommitEnd
        : id == RelationalEventId.ConnectionOpening.Id ? DbEventKind.ConnectionOpen
        : DbEventKind.Other;
}

public enum DbEventKind
{
    Other,
    CommandStart,
    CommandEnd,
    TransactionStart,
    CommitStart,
    CommitEnd,
    ConnectionOpen,
}

public sealed record DbEvent(long Timestamp, int EventId, DbEventKind Kind, string? Sql);
