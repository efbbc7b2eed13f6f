using System.Text.RegularExpressions;
using Outlay.Web.E2E.Infrastructure;

namespace Outlay.Web.E2E;

/// <summary>Signing up, in and out in real Chromium against the real server, and where the tokens live.</summary>
public sealed partial class AccountJourneyTests(OutlayBrowserFixture app) : IClassFixture<OutlayBrowserFixture>
{
    [Fact]
    public async Task SignUp_ThroughTheForm_LandsInTheAppSignedIn()
    {
        var page = await app.NewPageAsync();
        var account = Account.New("Sam Signup");

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "landing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your Outlay account" })).ToBeVisibleAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await Screenshots.SaveAsync(page, "sign-up");

        await page.SignUpAsync(account);

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "home");
    }

    [Fact]
    public async Task SignOut_ThenSignInAgain_ReturnsToTheApp()
    {
        var page = await app.NewPageAsync();
        var account = Account.New("Olive Out");
        await OutlayBrowserFixture.SignUpInBackgroundAsync(page, account);
        await page.GotoAsync("/");
        await page.ExpectSignedInAsync(account);

        await page.SignOutAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Outlay" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        // The refresh cookie was revoked too: a fresh load of a signed-in page goes to sign-in.
        await page.GotoAsync("/settings");
        await Expect(page).ToHaveURLAsync(AccountSteps.SignInUrl());
        await Screenshots.SaveAsync(page, "sign-in");

        await page.SubmitSignInAsync(account.Email, account.Password);

        // Back where they were going, signed in.
        await Expect(page).ToHaveURLAsync(SettingsUrl());
        await Expect(page.GetByText($"Signed in as {account.Email}.")).ToBeVisibleAsync();
        await page.GoViaNavigationAsync("Home");
        await page.ExpectSignedInAsync(account);
    }

    [Fact]
    public async Task AccessToken_AfterSignUpAndReload_NeverReachesWebStorageOrScriptReadableCookies()
    {
        var page = await app.NewPageAsync();
        var account = Account.New("Tina Token");

        var signUp = await page.RunAndWaitForResponseAsync(() => page.SignUpAsync(account), "**/api/v1/auth/signup");
        var signUpToken = await AccessTokenOfAsync(signUp);
        var refresh = await page.RunAndWaitForResponseAsync(() => page.ReloadAsync(), "**/api/v1/auth/refresh");
        var refreshedToken = await AccessTokenOfAsync(refresh);
        await page.ExpectSignedInAsync(account);

        string[] tokens = [signUpToken, refreshedToken];
        var readable = await page.EvaluateAsync<string>(
            "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])");
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(token, readable, StringComparison.Ordinal);
            Assert.DoesNotContain(token, page.Url, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("outlay_refresh", readable, StringComparison.Ordinal);
        var refreshCookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "outlay_refresh");
        Assert.True(refreshCookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, refreshCookie.SameSite);
        Assert.Equal("/api/v1/auth", refreshCookie.Path);
    }

    [Fact]
    public async Task Reload_WhenSignedIn_KeepsTheUserSignedIn()
    {
        var page = await app.NewPageAsync();
        var account = Account.New("Rita Reload");
        await OutlayBrowserFixture.SignUpInBackgroundAsync(page, account);
        await page.GotoAsync("/settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();

        await page.ReloadAsync();

        await Expect(page).ToHaveURLAsync(SettingsUrl());
        await Expect(page.GetByText($"Signed in as {account.Email}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed-in devices" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "settings");
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsTheProblemInWords()
    {
        var account = Account.New("Wendy Wrong");
        await app.RegisterAsync(account);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.SubmitSignInAsync(account.Email, "not my password at all");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password.");
        await Expect(page).ToHaveURLAsync(AccountSteps.SignInUrl());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "sign-in-wrong-password");
    }

    private static async Task<string> AccessTokenOfAsync(IResponse response)
    {
        var body = await response.JsonAsync();
        var token = body?.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    [GeneratedRegex("/settings$")]
    private static partial Regex SettingsUrl();
}
