using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

public sealed class HealthTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Live_Always_Returns200()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithReachableServers_Returns200AndChecksEachOne()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(TestEnvironment.Redis is not null, checks.TryGetProperty("redis", out _));
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseIsUnreachable_Returns503()
    {
        var unreachable = new UnreachableDatabaseApp();
        await unreachable.InitializeAsync();

        var response = await unreachable.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await unreachable.CreateClient().GetAsync("/health/live")).StatusCode);
        await ((IAsyncLifetime)unreachable).DisposeAsync();
    }

    [Fact]
    public async Task Ready_WhenRedisIsUnreachable_Returns503()
    {
        var unreachable = new UnreachableRedisApp();
        await unreachable.InitializeAsync();

        var response = await unreachable.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        await ((IAsyncLifetime)unreachable).DisposeAsync();
    }

    private sealed class UnreachableDatabaseApp : OutlayAppFactory
    {
        protected override bool NeedsDatabase => false;

        // Nothing listens on port 1, so every connection attempt is refused at once.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Database:Provider"] = "Postgres",
            ["Outlay:Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=outlay;Username=outlay;Password=x;Timeout=2",
            ["Outlay:Database:MigrateOnStartup"] = "false",
        };
    }

    private sealed class UnreachableRedisApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500",
        };
    }
}
