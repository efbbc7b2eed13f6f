using Outlay.Web.E2E.Infrastructure;

namespace Outlay.Web.E2E;

/// <summary>An admin manages people in the admin page; the change reaches their open sessions.</summary>
public sealed class AdminJourneyTests(OutlayBrowserFixture app) : IClassFixture<OutlayBrowserFixture>
{
    [Fact]
    public async Task DisableUser_InTheAdminPage_SendsThatUserToSignInAtTheirNextAction()
    {
        var account = Account.New("Dora Disabled");
        var userPage = await app.NewPageAsync();
        await OutlayBrowserFixture.SignUpInBackgroundAsync(userPage, account);
        await userPage.GotoAsync("/");
        await userPage.ExpectSignedInAsync(account);
        await Expect(userPage.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);

        var adminPage = await app.NewPageAsync();
        await adminPage.SignInAsync(app.Admin);
        await adminPage.GoViaNavigationAsync("Admin");
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
        await Expect(adminPage.GetByRole(AriaRole.Checkbox, new() { Name = $"Disable {app.Admin.Email}" })).ToBeDisabledAsync();
        await adminPage.GetByLabel("Search users").FillAsync(account.Email);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var disable = adminPage.GetByRole(AriaRole.Checkbox, new() { Name = $"Disable {account.Email}" });
        // The box reflects the server's answer, so it is ticked only once the change is saved.
        await disable.ClickAsync();
        await Expect(adminPage.GetByText($"{account.Email} is now disabled.")).ToBeVisibleAsync();
        await Expect(disable).ToBeCheckedAsync();
        await Screenshots.SaveAsync(adminPage, "admin-users");

        await userPage.GoViaNavigationAsync("Settings");

        await Expect(userPage).ToHaveURLAsync(AccountSteps.SignInUrl());
        await Expect(userPage.GetByText("Your session has ended. Please sign in again.")).ToBeVisibleAsync();
        await userPage.SubmitSignInAsync(account.Email, account.Password);
        await Expect(userPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("This account is disabled.");
    }

    [Fact]
    public async Task AdminPage_ForAnOrdinaryUser_IsNotAvailable()
    {
        var page = await app.NewPageAsync();
        await OutlayBrowserFixture.SignUpInBackgroundAsync(page, Account.New("Uma User"));

        await page.GotoAsync("/admin");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
    }
}
