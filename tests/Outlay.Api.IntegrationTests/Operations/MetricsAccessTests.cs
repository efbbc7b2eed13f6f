using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

/// <summary>
/// /metrics answers loopback (and in-process) callers and the networks in <c>Outlay:Metrics:AllowedNetworks</c>;
/// anyone else needs the scrape token. Here every request comes from 203.0.113.5, a public address.
/// </summary>
public sealed class MetricsAccessTests(MetricsAccessTests.Factory app) : IClassFixture<MetricsAccessTests.Factory>
{
    private const string ScrapeToken = "a-long-random-scrape-token-for-tests";

    [Fact]
    public async Task Metrics_FromAPublicAddressWithoutTheToken_Returns403Problem()
    {
        var response = await app.CreateClient().GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_WithAWrongToken_Returns403Problem()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        var response = await client.GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_WithTheScrapeToken_ArePrometheusText()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromAnAllowedNetwork_NeedNoToken()
    {
        await using var allowed = app.WithWebHostBuilder(builder => builder.UseSetting("Outlay:Metrics:AllowedNetworks:0", "203.0.113.0/24"));

        var response = await allowed.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class Factory : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Metrics:ScrapeToken"] = ScrapeToken,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromAPublicAddress>());
        }
    }

    private sealed class FromAPublicAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
                return following(context);
            });
            next(app);
        };
    }
}
