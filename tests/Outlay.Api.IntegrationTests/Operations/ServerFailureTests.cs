using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

/// <summary>What a server does when something it needs cannot be built or reached: say so, and keep running.</summary>
public sealed class ServerFailureTests
{
    // The PostgreSQL run that failed a whole class with 500s (issue 11): the development key generated for that
    // class's server was an EC key whose base64 happened to spell "RSA", and the key ring took it for an RSA key.
    [Fact]
    public async Task SignUp_WithADevelopmentKeyWhoseBase64SpellsRsa_Succeeds()
    {
        await using var app = new OutlayAppFactory();
        await app.InitializeAsync();
        WriteDevelopmentKey(app, EcKeyPemContaining("RSA"));

        var user = await app.RegisterUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task Start_WithACorruptSigningKey_FailsNamingTheKeyInsteadOfAnswering500()
    {
        await using var app = new OutlayAppFactory();
        await app.InitializeAsync();
        WriteDevelopmentKey(app, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(SigningKeyRing.DevelopmentKeyFile, error.Message);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task Ready_WhenAccessTokensCannotBeValidated_Returns503AndLogsWhy()
    {
        await using var app = new BrokenBearerOptionsApp();
        await app.InitializeAsync();
        var client = app.CreateClient();
        var logged = app.Log.WhenLoggedAsync($"The server cannot authenticate requests\n{typeof(InvalidOperationException)}: {BrokenBearerOptionsApp.Failure}", TimeSpan.FromSeconds(30));

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var check = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("authentication");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        await logged;
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task Write_WhileRedisIsUnreachable_IsSavedAndAnsweredAndReadsStillWork()
    {
        await using var app = new RedisDownApp();
        await app.InitializeAsync();
        var warned = app.Log.WhenLoggedAsync("Could not publish on the Redis channel cache-invalidation", TimeSpan.FromSeconds(30));
        var user = await app.RegisterUserAsync();

        var created = await user.Client.PostAsJsonAsync("/api/v1/expenses", new { amount = "12.50", occurredOn = "2026-11-02", merchant = "Corner Cafe" });
        var summary = await user.Client.GetAsync("/api/v1/reports/summary?period=month&date=2026-11-02");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Single(await user.ListAllAsync());
        await warned;
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    /// <summary>Redis configured, but nothing listens there: a restart or a lost Redis node.</summary>
    private sealed class RedisDownApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300,syncTimeout=500,asyncTimeout=500,abortConnect=false",
        };
    }

    [Fact]
    public async Task Purge_WhenTheDatabaseStaysDownPastTheRetries_LogsAndKeepsTheServerRunning()
    {
        await using var app = new DatabaseDownApp();
        await app.InitializeAsync();
        var purgeFailed = app.Log.WhenLoggedAsync("Purge of expired deletions failed", TimeSpan.FromSeconds(60));
        var client = app.CreateClient();

        await purgeFailed;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    private static void WriteDevelopmentKey(OutlayAppFactory app, string pem)
    {
        var path = Path.Combine(app.DataPath, SigningKeyRing.DevelopmentKeyFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, pem);
    }

    private static string EcKeyPemContaining(string text)
    {
        // About 1,200 tries on average; the bound only keeps a broken generator from looping forever.
        for (var attempt = 0; attempt < 200_000; attempt++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var pem = key.ExportPkcs8PrivateKeyPem();
            if (pem.Contains(text, StringComparison.Ordinal))
            {
                return pem;
            }
        }

        throw new InvalidOperationException($"No generated key spelled {text}.");
    }

    /// <summary>PostgreSQL that refuses every connection (nothing listens on port 1), retried once.</summary>
    private sealed class DatabaseDownApp : OutlayAppFactory
    {
        protected override bool NeedsDatabase => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Database:Provider"] = "Postgres",
            ["Outlay:Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=outlay;Username=outlay;Password=x;Timeout=2",
            ["Outlay:Database:MigrateOnStartup"] = "false",
            ["Outlay:Database:MaxRetryCount"] = "1",
            ["Outlay:Database:MaxRetryDelaySeconds"] = "1",
        };
    }

    /// <summary>Bearer options whose first build throws, as any failed initialisation cached with them would.</summary>
    private sealed class BrokenBearerOptionsApp : OutlayAppFactory
    {
        public const string Failure = "options that cannot be built";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure(_ => throw new InvalidOperationException(Failure)));
        }
    }
}
