using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP with its own empty database: a fresh SQLite file, or a fresh PostgreSQL
/// database (plus a real Redis) when the run says so. One per test class.
/// </summary>
public class OutlayAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string runId = Guid.NewGuid().ToString("N")[..12];

    public string DataPath { get; }

    public string? PostgresConnectionString { get; private set; }

    /// <summary>Where this app's servers write their warnings and errors: the file of the test class that first used it.</summary>
    public ServerLog Log => log ??= new ServerLog(TestEnvironment.ServerLogPathFor(TestClassName.FromCallers() ?? $"{GetType().Name}-{runId}"));

    private ServerLog? log;

    public OutlayAppFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "outlay-tests", runId);
        // https, so the Secure refresh cookie round-trips like it does in a browser.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        if (!TestEnvironment.UsesPostgres || !NeedsDatabase)
        {
            return;
        }

        var database = $"outlay_test_{runId}";
        await using var server = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await server.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", server);
        await create.ExecuteNonQueryAsync();
        PostgresConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer)
        {
            Database = database,
            MaxPoolSize = 8,
        }.ConnectionString;
    }

    protected override IHostBuilder? CreateHostBuilder()
    {
        // Called on the test's own thread; the host itself is then configured on the entry point's thread.
        _ = Log;
        return base.CreateHostBuilder();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        var hostName = $"{GetType().Name}-{runId}";
        builder.ConfigureLogging(logging => logging.AddProvider(Log.CreateProvider(hostName)));
        builder.UseSetting("Outlay:DataPath", DataPath);
        // Suites sign up many users from one address: a cheap hash and generous limits, as an operator would set them.
        builder.UseSetting("Outlay:Auth:BcryptCost", "4");
        builder.UseSetting("Outlay:Auth:RateLimits:SignupPerMinute", "100000");
        builder.UseSetting("Outlay:Auth:RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("Outlay:Auth:RateLimits:LoginPerAccountPerMinute", "100000");
        builder.UseSetting("Outlay:Auth:RateLimits:RefreshPerMinute", "100000");
        builder.UseSetting("Outlay:Auth:RateLimits:TokenPerMinute", "100000");
        if (PostgresConnectionString is not null)
        {
            builder.UseSetting("Outlay:Database:Provider", "Postgres");
            builder.UseSetting("Outlay:Database:ConnectionString", PostgresConnectionString);
        }

        if (TestEnvironment.Redis is { } redis)
        {
            builder.UseSetting("Outlay:Redis:Configuration", redis);
            builder.UseSetting("Outlay:Redis:InstanceName", $"outlay-test-{runId}:");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Clients send <c>X-Requested-With</c> like the web app does, which the cookie endpoints (refresh, logout) need
    /// when there is no <c>Origin</c>; the tests of that rule remove it.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
    }

    /// <summary>False for an app pointed at a database that must not exist (the unreachable-database tests).</summary>
    protected virtual bool NeedsDatabase => true;

    /// <summary>Extra configuration for one test class, applied on top of the defaults above.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (PostgresConnectionString is not null)
        {
            await DropDatabaseAsync(PostgresConnectionString);
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned up by the OS anyway.
        }
    }

    // Cleanup must not fail a run whose tests passed: a busy server gets a few tries, then the database is left behind.
    private static async Task DropDatabaseAsync(string connectionString)
    {
        // This database's pool only: clearing every pool would reach into the classes still running.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var server = new NpgsqlConnection(TestEnvironment.PostgresServer);
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (NpgsqlException exception) when (attempt < 3)
            {
                await Console.Error.WriteLineAsync($"Dropping test database {database} failed ({exception.Message}); retrying.");
                await Task.Delay(500 * attempt);
            }
            catch (NpgsqlException exception)
            {
                await Console.Error.WriteLineAsync($"Left test database {database} behind: {exception.Message}");
                return;
            }
        }
    }
}
