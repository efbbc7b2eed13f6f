using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class RefreshTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Refresh_WithTheCookie_ReturnsANewTokenAndRotatesTheCookie()
    {
        var signup = await SignUpCookielessAsync();
        var first = signup.RefreshTokenFrom();

        var response = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(first));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAuthAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(body.AccessToken).GetAsync("/api/v1/me")).StatusCode);
        var second = response.RefreshTokenFrom();
        Assert.NotEqual(first, second);
        Assert.True(second.Length >= 43, "at least 256 bits of randomness");
    }

    [Fact]
    public async Task Refresh_ReplayingARotatedToken_Returns401AndRevokesTheWholeFamily()
    {
        var first = (await SignUpCookielessAsync()).RefreshTokenFrom();
        var rotated = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(first));
        var second = rotated.RefreshTokenFrom();

        var replay = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(first));
        var legitimateNext = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(second));

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await legitimateNext.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_ConcurrentlyWithTheSameToken_MintsAtMostOneValidSuccessor()
    {
        var token = (await SignUpCookielessAsync()).RefreshTokenFrom();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.CookielessClient().SendAsync(TestUsers.RefreshRequest(token))));

        var successors = responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.RefreshTokenFrom()).ToList();
        Assert.True(successors.Count <= 1);
        var usable = 0;
        foreach (var successor in successors)
        {
            if ((await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(successor))).StatusCode == HttpStatusCode.OK)
            {
                usable++;
            }
        }

        Assert.True(usable <= 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("' OR '1'='1")]
    public async Task Refresh_WithoutAValidCookie_Returns401(string? token)
    {
        using var request = token is null ? new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh") : TestUsers.RefreshRequest(token);

        var response = await app.CookielessClient().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WithAStolenCookieAfterLogout_Returns401()
    {
        var token = (await SignUpCookielessAsync()).RefreshTokenFrom();
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Add("Cookie", $"outlay_refresh={token}");

        var loggedOut = await app.CookielessClient().SendAsync(logout);
        var stolen = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(token));

        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Contains("max-age=0", loggedOut.RefreshSetCookie()!, StringComparison.OrdinalIgnoreCase);
        await stolen.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_ForADisabledUser_Returns401()
    {
        var admin = (await app.RegisterAdminAsync()).Client;
        var signup = await SignUpCookielessAsync();
        var user = await signup.ReadAuthAsync();
        await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.User.Id}", new { disabled = true });

        var response = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(signup.RefreshTokenFrom()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Browser_SignUpThenRefreshThroughTheCookieJar_Works()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsync("/api/v1/auth/refresh", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Id, (await response.ReadAuthAsync()).User.Id);
    }

    private async Task<HttpResponseMessage> SignUpCookielessAsync()
    {
        var response = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/signup",
            new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }
}
