using System.Text.RegularExpressions;

namespace Outlay.Web.E2E.Infrastructure;

/// <summary>What a person does with their account, in the words of the UI (roles and labels only).</summary>
public static partial class AccountSteps
{
    public static async Task SignUpAsync(this IPage page, Account account)
    {
        await page.GotoAsync("/sign-up");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Create account" });
        await form.GetByLabel("Email").FillAsync(account.Email);
        await form.GetByLabel("Display name (optional)").FillAsync(account.DisplayName);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.ExpectSignedInAsync(account);
    }

    /// <summary>Fills in the sign-in form on whichever page shows it; the caller asserts where that leads.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Sign in" });
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static async Task SignInAsync(this IPage page, Account account)
    {
        await page.GotoAsync("/sign-in");
        await page.SubmitSignInAsync(account.Email, account.Password);
        await page.ExpectSignedInAsync(account);
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    /// <summary>Home greets the person by name and the main navigation is there.</summary>
    public static async Task ExpectSignedInAsync(this IPage page, Account account)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {account.DisplayName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
    }

    public static ILocator MainNavigation(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public static Task GoViaNavigationAsync(this IPage page, string linkName) =>
        page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();

    [GeneratedRegex("/sign-in$")]
    public static partial Regex SignInUrl();
}
