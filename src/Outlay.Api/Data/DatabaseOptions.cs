using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Outlay:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres; for SQLite it defaults to <c>outlay.db</c> under the data folder.</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How often a PostgreSQL command that failed transiently (a restart, a failover) is retried.</summary>
    [Range(0, 20)]
    public int MaxRetryCount { get; set; } = 4;

    /// <summary>The longest pause between two retries; the pauses grow exponentially up to it.</summary>
    [Range(1, 60)]
    public int MaxRetryDelaySeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Outlay:Database:ConnectionString is required when Outlay:Database:Provider is Postgres.",
                [nameof(ConnectionString)]);
        }
    }
}
