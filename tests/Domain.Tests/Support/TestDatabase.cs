using CollegeBot.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollegeBot.Tests.Support;

/// <summary>
/// A real SQLite database in a temporary file of its own, migrated as production migrates it, with a fake clock.
/// Each <see cref="NewDb"/> is a fresh context, like a new unit of work, so tests see what was really committed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "collegebot-tests");

    private TestDatabase(string file, FakeClock clock)
    {
        File = file;
        Clock = clock;

        // Foreign keys on, as the production pragmas set them, so cascades and constraints behave the same.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true }.ToString();
        Options = new DbContextOptionsBuilder<CollegeDb>()
            .UseSqlite(ConnectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
    }

    public string File { get; }
    public string ConnectionString { get; }
    public DbContextOptions<CollegeDb> Options { get; }
    public FakeClock Clock { get; }

    /// <summary>Creates and migrates a new database file.</summary>
    public static async Task<TestDatabase> CreateAsync(FakeClock? clock = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var database = new TestDatabase(Path.Combine(Folder, $"{Guid.NewGuid():N}.db"), clock ?? new FakeClock());
        try
        {
            await using var db = database.NewDb();
            await db.Database.MigrateAsync(ct);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public CollegeDb NewDb() => new(Options);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so it can be deleted.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var path in new[] { File, File + "-wal", File + "-shm", File + "-journal" })
        {
            try
            {
                System.IO.File.Delete(path);
            }
            catch (IOException)
            {
                // A file still held by a context the test forgot to dispose; the temp folder is cleaned eventually.
            }
        }
    }
}
