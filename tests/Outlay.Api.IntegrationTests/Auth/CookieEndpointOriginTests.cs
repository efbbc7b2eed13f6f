using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

/// <summary>
/// The endpoints that act on the refresh cookie alone (refresh, logout) refuse a request from another origin:
/// one with a foreign <c>Origin</c>, or with neither a matching <c>Origin</c> nor the web app's <c>X-Requested-With</c>.
/// </summary>
public sealed class CookieEndpointOriginTests(CookieEndpointOriginTests.Factory app) : IClassFixture<CookieEndpointOriginTests.Factory>
{
    private const string AllowedOrigin = "https://app.example.test";

    [Theory]
    [InlineData("/api/v1/auth/refresh")]
    [InlineData("/api/v1/auth/logout")]
    public async Task CookieEndpoint_WithAForeignOrigin_Returns403AndKeepsTheSession(string path)
    {
        var token = await SignUpAsync();

        var response = await SendAsync(path, token, origin: "https://localhost.evil.example", requestedWith: true);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null(response.RefreshSetCookie());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/api/v1/auth/refresh", token, origin: null, requestedWith: true)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/auth/refresh")]
    [InlineData("/api/v1/auth/logout")]
    public async Task CookieEndpoint_WithNeitherOriginNorXRequestedWith_Returns403(string path)
    {
        var token = await SignUpAsync();

        var response = await SendAsync(path, token, origin: null, requestedWith: false);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("X-Requested-With", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:8443")]
    [InlineData(AllowedOrigin)]
    public async Task Refresh_FromTheServersOwnOrAnAllowedOrigin_Works(string origin)
    {
        var token = await SignUpAsync();

        var response = await SendAsync("/api/v1/auth/refresh", token, origin, requestedWith: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_WithXRequestedWithAndNoOrigin_Works()
    {
        var token = await SignUpAsync();

        var response = await SendAsync("/api/v1/auth/refresh", token, origin: null, requestedWith: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_WithTheOriginNull_Returns403()
    {
        var token = await SignUpAsync();

        var response = await SendAsync("/api/v1/auth/refresh", token, origin: "null", requestedWith: true);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<string> SignUpAsync()
    {
        var response = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.RefreshTokenFrom();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string refreshToken, string? origin, bool requestedWith)
    {
        var client = app.CookielessClient();
        client.DefaultRequestHeaders.Remove("X-Requested-With");
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", $"outlay_refresh={refreshToken}");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (requestedWith)
        {
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        }

        return await client.SendAsync(request);
    }

    public sealed class Factory : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Auth:AllowedOrigins:0"] = AllowedOrigin,
        };
    }
}
