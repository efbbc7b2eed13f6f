using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth;

/// <summary>An account's security events: the person sees their own sign-ins, failures, lock-outs and changes; admins see everyone's.</summary>
public sealed class SecurityEventTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task SignInsAndFailures_UpToTheLockOut_AreInThePersonsOwnListNewestFirst()
    {
        var user = await app.RegisterUserAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "not the password" });
        }

        var kinds = await KindsAsync(user.Client, "/api/v1/me/security-events");

        Assert.Equal(["lockedOut", "signInFailed", "signInFailed", "signInFailed", "signInFailed", "signedIn"], kinds);
    }

    [Fact]
    public async Task RefreshTokenReuse_IsRecorded()
    {
        var user = await app.RegisterUserAsync();
        var login = await app.CookielessClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        var first = login.RefreshTokenFrom();
        Assert.Equal(HttpStatusCode.OK, (await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(first))).StatusCode);

        await app.CookielessClient().SendAsync(TestUsers.RefreshRequest(first));

        Assert.Equal("tokenReuse", (await KindsAsync(user.Client, "/api/v1/me/security-events"))[0]);
    }

    [Fact]
    public async Task AdminChanges_AreRecordedForThatUser_AndOnlyAdminsSeeOtherPeoplesEvents()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        var other = await app.RegisterUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { disabled = true })).StatusCode);

        var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/security-events?userId={user.Id}");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["disabled", "roleChanged", "signedIn"], items.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("role: admin, by an admin", items[1].GetProperty("detail").GetString());
        Assert.All(items, e => Assert.Equal(user.Id, e.GetProperty("userId").GetGuid()));
        Assert.Equal(["signedIn"], await KindsAsync(other.Client, "/api/v1/me/security-events"));
        await (await other.Client.GetAsync("/api/v1/admin/security-events")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_WithACursorItDidNotIssue_IsAValidationProblem()
    {
        var user = await app.RegisterUserAsync();

        var problem = await (await user.Client.GetAsync("/api/v1/me/security-events?cursor=not-ours")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private static async Task<List<string?>> KindsAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url);
        return [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString())];
    }
}
