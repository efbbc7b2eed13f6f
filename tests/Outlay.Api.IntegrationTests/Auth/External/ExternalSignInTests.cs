using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.IntegrationTests.Settings;

namespace Outlay.Api.IntegrationTests.Auth.External;

public sealed class ExternalSignInTests(ExternalAuthAppFactory app) : IClassFixture<ExternalAuthAppFactory>
{
    [Fact]
    public async Task Providers_ListsTheConfiguredProviders()
    {
        var providers = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/auth/providers");

        Assert.Equal(
            [("test", "Test Provider"), ("trusting", "trusting")],
            providers.EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("displayName").GetString())).Order());
    }

    [Fact]
    public async Task Start_UnknownProvider_ReturnsNotFoundProblem()
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/auth/external/nope");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_RedirectsToTheProviderWithAuthorizationCodeAndPkce()
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/auth/external/test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"{FakeOidcProvider.Issuer}/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("outlay-test", query["client_id"]);
        Assert.Equal("https://localhost/api/v1/auth/external/test/callback", query["redirect_uri"]);
        Assert.Equal(["email", "openid", "profile"], query["scope"].ToString().Split(' ').Order());
    }

    [Fact]
    public async Task FirstSignIn_CreatesTheAccountAndSetsTheRefreshCookie()
    {
        var browser = app.CreateBrowser();
        var person = FakeProviderUser.New();
        var verifiedBefore = app.Provider.PkceVerifiedCount;

        var callback = await app.ReturnFromProviderAsync(browser, person);
        var complete = await browser.GetAsync(callback.Headers.Location);

        var temporary = SetCookie(callback, "outlay_external=")!;
        Assert.Contains("httponly", temporary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", temporary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", temporary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/v1/auth/external", temporary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/", complete.Headers.Location?.OriginalString);
        var refreshCookie = complete.RefreshSetCookie()!;
        Assert.Contains("httponly", refreshCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", refreshCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/v1/auth", refreshCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=thu, 01 jan 1970", SetCookie(complete, "outlay_external=")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(verifiedBefore + 1, app.Provider.PkceVerifiedCount);

        var auth = await RefreshAsync(browser);
        Assert.Equal(person.Email, auth.User.Email);
        Assert.Equal("External Person", auth.User.DisplayName);
        var me = await app.ClientWithToken(auth.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(person.Email, me.GetProperty("email").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == auth.User.Id);
        Assert.Null(user.PasswordHash);
        Assert.NotNull(user.LastLoginAt);
        var link = await db.ExternalLogins.SingleAsync(l => l.UserId == user.Id);
        Assert.Equal(("test", person.Subject, person.Email), (link.Provider, link.Subject, link.Email));
        Assert.Equal(CategoryOptions.BuiltInDefaults.Count, await db.Categories.CountAsync(c => c.UserId == user.Id));
    }

    [Fact]
    public async Task SecondSignIn_FindsTheSameUser()
    {
        var person = FakeProviderUser.New();
        var firstBrowser = app.CreateBrowser();
        await app.SignInWithProviderAsync(firstBrowser, person);
        var first = await RefreshAsync(firstBrowser);

        var secondBrowser = app.CreateBrowser();
        var complete = await app.SignInWithProviderAsync(secondBrowser, person);
        var second = await RefreshAsync(secondBrowser);

        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal(first.User.Id, second.User.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == person.Email));
        Assert.Equal(1, await db.ExternalLogins.CountAsync(l => l.Subject == person.Subject));
    }

    [Fact]
    public async Task SecondSignIn_AfterTheEmailChangedAtTheProvider_FindsTheUserBySubject()
    {
        var person = FakeProviderUser.New();
        var firstBrowser = app.CreateBrowser();
        await app.SignInWithProviderAsync(firstBrowser, person);
        var first = await RefreshAsync(firstBrowser);

        var secondBrowser = app.CreateBrowser();
        await app.SignInWithProviderAsync(secondBrowser, person with { Email = TestUsers.NewEmail() });
        var second = await RefreshAsync(secondBrowser);

        Assert.Equal(first.User.Id, second.User.Id);
        Assert.Equal(person.Email, second.User.Email);
    }

    [Fact]
    public async Task SignIn_WithTheVerifiedEmailOfAPasswordAccount_IsRefusedAndLinksNothing()
    {
        // Whoever signed up with the address first (perhaps not its owner: sign-up verifies nothing) keeps the account;
        // the provider's person is told to sign in with the password and link the provider from the settings.
        var existing = await app.RegisterUserAsync();
        var person = FakeProviderUser.New() with { Email = $"  {existing.Email.ToUpperInvariant()} " };

        var complete = await app.SignInWithProviderAsync(app.CreateBrowser(), person);

        complete.AssertRefusedWith("account-exists");
        await AssertNoLinkAsync(person);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == existing.Email));
        Assert.False(await db.ExternalLogins.AnyAsync(l => l.UserId == existing.Id));
    }

    [Fact]
    public async Task SignIn_WithAnUnverifiedEmail_IsRefusedAndCreatesNothing()
    {
        var existing = await app.RegisterUserAsync();
        var browser = app.CreateBrowser();
        var person = FakeProviderUser.New(emailVerified: false) with { Email = existing.Email };

        var complete = await app.SignInWithProviderAsync(browser, person);

        complete.AssertRefusedWith("email-not-verified");
        await AssertNoLinkAsync(person);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Users.CountAsync(u => u.Email == existing.Email));
    }

    [Theory]
    [InlineData("test")]
    [InlineData("trusting")]
    public async Task SignIn_WithoutAnEmailVerifiedClaim_IsRefused(string provider)
    {
        var person = FakeProviderUser.New(emailVerified: null);

        var complete = await app.SignInWithProviderAsync(app.CreateBrowser(), person, provider);

        complete.AssertRefusedWith("email-not-verified");
        await AssertNoLinkAsync(person);
    }

    [Fact]
    public async Task SignIn_WithoutAnEmail_IsRefused()
    {
        var person = FakeProviderUser.New() with { Email = null };

        var complete = await app.SignInWithProviderAsync(app.CreateBrowser(), person, "trusting");

        complete.AssertRefusedWith("email-not-verified");
        await AssertNoLinkAsync(person);
    }

    [Fact]
    public async Task SignIn_OfANewPersonWhenSignupsAreClosed_IsRefusedAndCreatesNothing()
    {
        var admin = await app.RegisterAdminAsync();
        var person = FakeProviderUser.New();
        HttpResponseMessage complete;
        try
        {
            await admin.PatchOkAsync(new { signupsEnabled = false });

            complete = await app.SignInWithProviderAsync(app.CreateBrowser(), person);
        }
        finally
        {
            var reset = await admin.Client.PatchAsync(SettingsSteps.Path, new StringContent("""{"signupsEnabled": null}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        complete.AssertRefusedWith("signups-closed");
        await AssertNoLinkAsync(person);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Users.AnyAsync(u => u.Email == person.Email));
    }

    [Fact]
    public async Task SignIn_OfADisabledUser_IsRefused()
    {
        var admin = await app.RegisterAdminAsync();
        var person = FakeProviderUser.New();
        var browser = app.CreateBrowser();
        await app.SignInWithProviderAsync(browser, person);
        var user = await RefreshAsync(browser);
        await admin.Client.PatchAsJsonAsync($"/api/v1/admin/users/{user.User.Id}", new { disabled = true });

        var complete = await app.SignInWithProviderAsync(app.CreateBrowser(), person);

        complete.AssertRefusedWith("account-disabled");
    }

    [Fact]
    public async Task SignIn_DeniedAtTheProvider_RedirectsToTheSignInPage()
    {
        var callback = await app.ReturnFromProviderAsync(app.CreateBrowser(), FakeProviderUser.New(), deny: true);

        callback.AssertRefusedWith("provider-failed");
    }

    [Fact]
    public async Task Callback_WithoutTheBrowsersCorrelationCookie_RedirectsToTheSignInPage()
    {
        // A callback URL carried to another browser (login CSRF) must not sign that browser in.
        var start = await app.CreateBrowser().GetAsync("/api/v1/auth/external/test");
        var backToUs = await app.Provider.AuthorizeAsync(start.Headers.Location!, FakeProviderUser.New());

        var callback = await app.CreateBrowser().GetAsync(backToUs);

        callback.AssertRefusedWith("provider-failed");
        Assert.Null(SetCookie(callback, "outlay_external="));
    }

    [Fact]
    public async Task Complete_WithoutASignInInProgress_RedirectsToTheSignInPage()
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/auth/external/test/complete");

        response.AssertRefusedWith("no-pending-sign-in");
    }

    [Fact]
    public async Task Complete_WithATamperedTemporaryCookie_RedirectsToTheSignInPage()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/external/test/complete");
        request.Headers.Add("Cookie", "outlay_external=CfDJ8not-a-real-ticket");

        var response = await app.CreateBrowser().SendAsync(request);

        response.AssertRefusedWith("no-pending-sign-in");
    }

    [Fact]
    public async Task Complete_WhenTheProviderNameIsUnknown_StillReturnsNotFoundProblem()
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/auth/external/nope/complete");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Complete_ForAnotherProviderThanTheOneSignedIn_RedirectsToTheSignInPage()
    {
        var browser = app.CreateBrowser();
        var callback = await app.ReturnFromProviderAsync(browser, FakeProviderUser.New(), "trusting");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        var response = await browser.GetAsync("/api/v1/auth/external/test/complete");

        response.AssertRefusedWith("no-pending-sign-in");
    }

    private async Task<AuthBody> RefreshAsync(HttpClient browser)
    {
        var response = await browser.PostAsync("/api/v1/auth/refresh", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAuthAsync();
    }

    private async Task AssertNoLinkAsync(FakeProviderUser person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        Assert.False(await db.ExternalLogins.AnyAsync(l => l.Subject == person.Subject));
    }

    private static string? SetCookie(HttpResponseMessage response, string prefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))
            : null;
}
