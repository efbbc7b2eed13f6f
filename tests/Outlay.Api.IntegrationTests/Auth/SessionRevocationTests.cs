using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

public sealed class SessionRevocationTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Disable_RevokesEveryRefreshFamilySoReEnablingDoesNotReviveThem()
    {
        var admin = await app.RegisterAdminAsync();
        var signup = await SignUpCookielessAsync();
        var user = (await signup.ReadAuthAsync()).User;
        var otherLogin = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.StrongPassword });

        await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = true });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == user.Id && t.RevokedAt == null));
        }

        await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = false });
        var first = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(signup.RefreshTokenFrom()));
        var second = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(otherLogin.RefreshTokenFrom()));

        await first.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await second.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LogOut_EndsTheSessionsAccessTokenAtOnce()
    {
        var signup = await SignUpCookielessAsync();
        var access = app.ClientWithToken((await signup.ReadAuthAsync()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await access.GetAsync("/api/v1/me")).StatusCode);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Add("Cookie", $"outlay_refresh={signup.RefreshTokenFrom()}");

        Assert.Equal(HttpStatusCode.NoContent, (await app.CookielessClient().SendAsync(logout)).StatusCode);

        await (await access.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeSession_EndsThatSessionsAccessTokenAtOnceAndNoOther()
    {
        var user = await app.RegisterUserAsync();
        var otherLogin = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        var other = app.ClientWithToken((await otherLogin.ReadAuthAsync()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
        var sessions = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/auth/sessions");
        var otherId = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/auth/sessions/{otherId}")).StatusCode);

        await (await other.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_OfASessionOlderThanSessionMaxDays_IsRefused()
    {
        var signup = await SignUpCookielessAsync();
        var user = (await signup.ReadAuthAsync()).User;
        var refreshed = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(signup.RefreshTokenFrom()));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Signed in 91 days ago (default SessionMaxDays 90), refreshed every day since: each token is fresh, the session is not.
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            var signedInAt = DateTimeOffset.UtcNow.AddDays(-91);
            await db.RefreshTokens.Where(t => t.UserId == user.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.SessionStartedAt, signedInAt));
        }

        var response = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(refreshed.RefreshTokenFrom()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_ANewSession_GetsACookieThatEndsWithTheSession()
    {
        var signup = await SignUpCookielessAsync();
        var user = (await signup.ReadAuthAsync()).User;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            var signedInAt = DateTimeOffset.UtcNow.AddDays(-80);
            await db.RefreshTokens.Where(t => t.UserId == user.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.SessionStartedAt, signedInAt));
        }

        var response = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(signup.RefreshTokenFrom()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var maxAge = int.Parse(response.RefreshSetCookie()!.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))["max-age=".Length..]);
        Assert.InRange(maxAge, TimeSpan.FromDays(9.9).TotalSeconds, TimeSpan.FromDays(10).TotalSeconds);
    }

    [Fact]
    public async Task Refresh_TwiceAtOnceWithTheSameToken_OneWinsAndTheReuseAlsoEndsTheWinnersSuccessor()
    {
        for (var round = 0; round < 5; round++)
        {
            var token = (await SignUpCookielessAsync()).RefreshTokenFrom();

            var responses = await Task.WhenAll(
                app.CookielessClient().SendAsync(TestUsers.RefreshRequest(token)),
                app.CookielessClient().SendAsync(TestUsers.RefreshRequest(token)));

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Unauthorized);
            var successor = await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(winner.RefreshTokenFrom()));
            await successor.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    private async Task<HttpResponseMessage> SignUpCookielessAsync()
    {
        var response = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/signup",
            new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }
}
