using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class SessionTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Sessions_ListsEverySignInAndMarksTheCurrentOne()
    {
        var user = await app.RegisterUserAsync();
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        var sessions = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/auth/sessions");

        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        Assert.All(sessions.EnumerateArray(), s =>
        {
            Assert.True(s.TryGetProperty("createdAt", out _));
            Assert.True(s.TryGetProperty("lastUsedAt", out _));
            Assert.True(s.TryGetProperty("userAgent", out _));
        });
    }

    [Fact]
    public async Task RevokeSession_EndsThatSessionOnly()
    {
        var user = await app.RegisterUserAsync();
        var other = app.CookielessClient();
        var otherLogin = await other.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        var sessions = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/auth/sessions");
        var otherId = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();

        var revoke = await user.Client.DeleteAsync($"/api/v1/auth/sessions/{otherId}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await (await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(otherLogin.RefreshTokenFrom()))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync("/api/v1/auth/refresh", null)).StatusCode);
    }

    [Fact]
    public async Task RevokeSession_OfAnotherUser_Returns404AndLeavesItAlive()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        var ownerSession = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/auth/sessions"))[0].GetProperty("id").GetGuid();

        var response = await stranger.Client.DeleteAsync($"/api/v1/auth/sessions/{ownerSession}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync("/api/v1/auth/refresh", null)).StatusCode);
    }

    [Fact]
    public async Task LogOutEverywhere_RevokesEveryRefreshTokenAndAccessTokenAtOnce()
    {
        var user = await app.RegisterUserAsync();
        var otherLogin = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        var otherAccess = (await otherLogin.ReadAuthAsync()).AccessToken;

        var response = await user.Client.PostAsync("/api/v1/auth/logout-all", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await user.Client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.ClientWithToken(otherAccess).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(otherLogin.RefreshTokenFrom()))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LogOut_WithoutACookie_StillAnswers204()
    {
        var response = await app.CookielessClient().PostAsync("/api/v1/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
