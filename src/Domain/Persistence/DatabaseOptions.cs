using System.ComponentModel.DataAnnotations;

namespace CollegeBot.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>; the connection string itself is <c>ConnectionStrings:College</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "College";
    public const string DefaultSqlite = "Data Source=data/college.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Bound from <c>ConnectionStrings:College</c>.</summary>
    public string ConnectionString { get; set; } = DefaultSqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new("ConnectionStrings:College is empty; set it, e.g. \"Data Source=data/college.db\".");
        }
    }
}
