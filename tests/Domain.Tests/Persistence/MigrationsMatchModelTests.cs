using CollegeBot.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollegeBot.Domain.Tests.Persistence;

/// <summary>
/// The migrations are written by hand, so this compares the schema they build with the schema EF derives from
/// the model: tables, columns (type, nullability, key), indexes and foreign keys must be the same.
/// </summary>
public sealed class MigrationsMatchModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collegebot-schema-").FullName;

    [Fact]
    public async Task The_hand_written_migrations_build_the_schema_of_the_model()
    {
        await using var migrated = Open("migrated.db");
        await migrated.Database.MigrateAsync();
        await using var created = Open("created.db");
        await created.Database.EnsureCreatedAsync();

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using (var first = Open("twice.db"))
        {
            await first.Database.MigrateAsync();
        }

        await using var second = Open("twice.db");
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
        await second.Database.MigrateAsync();
        Assert.NotEmpty(await second.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Messages_queued_before_the_outbox_was_rebuilt_keep_their_ids_and_contents()
    {
        await using var db = Open("rebuilt.db");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261122000002_Attendance");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO outbox (Id, ChatId, Kind, Payload, DedupeKey, Priority, NotBefore, CreatedAt, Status, Attempts, PiecesSent) "
            + "VALUES (41, 777, 'reply', '{{}}', 'kept:41', 0, '2026-11-23 09:00:00', '2026-11-23 09:00:00', 1, 2, 1)");

        await migrator.MigrateAsync();

        var kept = await db.Outbox.AsNoTracking().SingleAsync();
        Assert.Equal((41L, 777L, "kept:41", 2), (kept.Id, kept.ChatId!.Value, kept.DedupeKey!, kept.Attempts));
        db.Outbox.Add(new CollegeBot.Domain.Messaging.OutboxMessage { ChatId = 1, Kind = "reply", Payload = "{}" });
        await db.SaveChangesAsync();
        Assert.True(await db.Outbox.AnyAsync(o => o.Id > 41));
    }

    private CollegeDb Open(string file)
    {
        var options = new DbContextOptionsBuilder<CollegeDb>()
            .UseSqlite($"Data Source={Path.Combine(folder, file)};Pooling=False")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        return new CollegeDb(options);
    }

    /// <summary>One line per schema fact, sorted, so a difference shows exactly what drifted.</summary>
    private static async Task<List<string>> DescribeAsync(CollegeDb db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var facts = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            foreach (var c in await QueryAsync(connection, $"PRAGMA table_info('{table}')"))
            {
                facts.Add($"{table}.{c[1]} type={c[2]} notnull={c[3]} pk={c[5]}");
            }

            foreach (var i in await QueryAsync(connection, $"PRAGMA index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info('{i[1]}')");
                facts.Add($"{table} index {i[1]} unique={i[2]} ({string.Join(",", columns.Select(x => x[2]))}){await WhereAsync(connection, i[1])}");
            }

            foreach (var f in await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')"))
            {
                facts.Add($"{table} fk {f[3]} -> {f[2]}.{f[4]} on delete {f[6]}");
            }
        }

        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    /// <summary>A partial index's condition, so a filter that drifted shows too.</summary>
    private static async Task<string> WhereAsync(SqliteConnection connection, string index)
    {
        var sql = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index}'")).FirstOrDefault()?[0] ?? "";
        var at = sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : " where " + sql[(at + 7)..];
    }

    private static async Task<List<string[]>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!)]);
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
