using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

public sealed class ConventionsTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v2/expenses")]
    [InlineData("/api/v1/expenses/not-a-guid/nested")]
    public async Task UnknownApiRoute_ReturnsProblem404NotHtml(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnyResponse_WithoutRequestId_CarriesAGeneratedOne()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.False(string.IsNullOrWhiteSpace(response.Headers.GetValues("X-Request-Id").Single()));
    }

    [Fact]
    public async Task AnyResponse_WithRequestId_EchoesIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/missing");
        request.Headers.Add("X-Request-Id", "client-abc-123");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal("client-abc-123", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task AnyResponse_WithAnUnsafeRequestId_ReplacesIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<script>" + new string('a', 300));

        var response = await app.CreateClient().SendAsync(request);

        Assert.DoesNotContain("<script>", response.Headers.GetValues("X-Request-Id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAsOpenApi3()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Outlay API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/oauth/token", "/api/v1/me",
            "/api/v1/categories", "/api/v1/expenses", "/api/v1/expenses/{id}", "/api/v1/reports/summary", "/api/v1/admin/users",
        }, paths);
    }

    [Fact]
    public async Task Docs_ServeTheInteractiveReference()
    {
        var response = await app.CreateClient().GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Outlay API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterARequest_ArePrometheusText()
    {
        var client = app.CreateClient();
        await client.GetAsync("/health/live");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebApp_IsServedAtRootWithASafeContentSecurityPolicy()
    {
        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Outlay", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebApp_ClientSideRoute_FallsBackToIndexHtml()
    {
        var response = await app.CreateClient().GetAsync("/reports/month");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
