using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth.External;

public sealed class ExternalLoginLinkTests(ExternalAuthAppFactory app) : IClassFixture<ExternalAuthAppFactory>
{
    [Fact]
    public async Task Link_FromASignedInSession_LinksTheProviderToThatAccount()
    {
        var (browser, me) = await SignedInBrowserAsync();
        var person = FakeProviderUser.New() with { Email = TestUsers.NewEmail() };

        var complete = await LinkAsync(browser, person);

        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/settings?externalLinked=test", complete.Headers.Location?.OriginalString);
        var signIn = app.CreateBrowser();
        await app.SignInWithProviderAsync(signIn, person);
        var auth = await (await signIn.PostAsync("/api/v1/auth/refresh", null)).ReadAuthAsync();
        Assert.Equal(me.Id, auth.User.Id);
        Assert.Equal(me.Email, auth.User.Email);
    }

    [Fact]
    public async Task Link_OfAProviderAccountWithoutAVerifiedEmail_StillLinks()
    {
        // Linking proves the provider account through the signed-in session, not through the email.
        var (browser, me) = await SignedInBrowserAsync();
        var person = FakeProviderUser.New(emailVerified: null);

        var complete = await LinkAsync(browser, person);

        Assert.Equal("/settings?externalLinked=test", complete.Headers.Location?.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().ExternalLogins.SingleAsync(l => l.Subject == person.Subject);
        Assert.Equal(me.Id, link.UserId);
    }

    [Fact]
    public async Task Link_OfAProviderAccountLinkedToSomeoneElse_IsRefused()
    {
        var person = FakeProviderUser.New();
        await app.SignInWithProviderAsync(app.CreateBrowser(), person);
        var (browser, me) = await SignedInBrowserAsync();

        var complete = await LinkAsync(browser, person);

        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/settings?externalError=already-linked", complete.Headers.Location?.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().ExternalLogins.AnyAsync(l => l.UserId == me.Id));
    }

    [Fact]
    public async Task Link_WithoutAnAccessToken_Returns401()
    {
        var response = await app.CreateBrowser().PostAsync("/api/v1/me/external-logins/test/link", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Link_WithAnUnknownProvider_Returns404Problem()
    {
        var (browser, _) = await SignedInBrowserAsync();

        var response = await browser.PostAsync("/api/v1/me/external-logins/nope/link", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_ShowsTheLinkedProvidersOfThisUserOnly()
    {
        var (browser, _) = await SignedInBrowserAsync();
        await LinkAsync(browser, FakeProviderUser.New());
        var (stranger, _) = await SignedInBrowserAsync();

        var mine = await browser.GetFromJsonAsync<JsonElement>("/api/v1/me/external-logins");
        var theirs = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/me/external-logins");

        var link = Assert.Single(mine.EnumerateArray());
        Assert.Equal("test", link.GetProperty("provider").GetString());
        Assert.Equal("Test Provider", link.GetProperty("displayName").GetString());
        Assert.True(link.TryGetProperty("createdAt", out _));
        Assert.Equal(0, theirs.GetArrayLength());
    }

    [Fact]
    public async Task Unlink_RemovesTheLinkSoTheProviderNoLongerSignsIn()
    {
        var (browser, me) = await SignedInBrowserAsync();
        var person = FakeProviderUser.New() with { Email = TestUsers.NewEmail() };
        await LinkAsync(browser, person);

        var unlink = await browser.DeleteAsync("/api/v1/me/external-logins/test");

        Assert.Equal(HttpStatusCode.NoContent, unlink.StatusCode);
        Assert.Equal(0, (await browser.GetFromJsonAsync<JsonElement>("/api/v1/me/external-logins")).GetArrayLength());
        var signIn = app.CreateBrowser();
        await app.SignInWithProviderAsync(signIn, person);
        var auth = await (await signIn.PostAsync("/api/v1/auth/refresh", null)).ReadAuthAsync();
        Assert.NotEqual(me.Id, auth.User.Id);
    }

    [Fact]
    public async Task Unlink_AProviderThatIsNotLinked_Returns404Problem()
    {
        var (browser, _) = await SignedInBrowserAsync();

        var response = await browser.DeleteAsync("/api/v1/me/external-logins/test");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unlink_TheOnlyWayToSignIn_IsRefused()
    {
        var browser = app.CreateBrowser();
        await app.SignInWithProviderAsync(browser, FakeProviderUser.New());
        var auth = await (await browser.PostAsync("/api/v1/auth/refresh", null)).ReadAuthAsync();
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.AccessToken);

        var response = await browser.DeleteAsync("/api/v1/me/external-logins/test");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await browser.GetFromJsonAsync<JsonElement>("/api/v1/me/external-logins")).EnumerateArray());
    }

    /// <summary>Starts the link like the settings page does, lets the provider approve it and follows the redirects back.</summary>
    private async Task<HttpResponseMessage> LinkAsync(HttpClient browser, FakeProviderUser person)
    {
        var start = await browser.PostAsync("/api/v1/me/external-logins/test/link", null);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var redirectUrl = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redirectUrl").GetString()!;
        var backToUs = await app.Provider.AuthorizeAsync(new Uri(redirectUrl), person);
        var callback = await browser.GetAsync(backToUs);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/api/v1/auth/external/test/complete", callback.Headers.Location?.OriginalString);
        return await browser.GetAsync(callback.Headers.Location);
    }

    private async Task<(HttpClient Browser, AuthBodyUser Me)> SignedInBrowserAsync()
    {
        var browser = app.CreateBrowser();
        var signup = await browser.PostAsJsonAsync("/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword });
        var auth = await signup.ReadAuthAsync();
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.AccessToken);
        return (browser, auth.User);
    }
}
