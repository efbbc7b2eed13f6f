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

    /// <summary>
    /// The server log of a test class: under <c>OUTLAY_TEST_LOGS</c> when set (scripts/test.sh sets it per run),
    /// otherwise <c>test-results/server-logs/&lt;database&gt;/</c> at the repository root.
    /// </summary>
    public static string ServerLogPathFor(string testClass)
    {
        var directory = Environment.GetEnvironmentVariable("OUTLAY_TEST_LOGS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "test-results", "server-logs", UsesPostgres ? "postgres" : "sqlite");
        return Path.Combine(directory, $"{testClass}.log");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Outlay.slnx")))
            {
                return directory.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
