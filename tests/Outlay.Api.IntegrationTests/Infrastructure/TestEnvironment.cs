namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Which real servers this run uses. scripts/test.sh runs the suite once on SQLite and once on
/// PostgreSQL + Redis by setting these variables.
/// </summary>
public static class TestEnvironment
{
    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("OUTLAY_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string to the server as a role that may create databases.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("OUTLAY_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=outlay;Password=outlay;Database=postgres";

    /// <summary>A Redis configuration string, or null to use the in-process fallbacks.</summary>
    public static string? Redis => Environment.GetEnvironmentVariable("OUTLAY_TEST_REDIS") is { Length: > 0 } redis ? redis : null;
}
