using Outlay.Web.E2E.Infrastructure;

namespace Outlay.Web.E2E;

/// <summary>The app on a phone-sized screen (375 × 812, touch, mobile viewport).</summary>
public sealed class PhoneLayoutTests(OutlayBrowserFixture app) : IClassFixture<OutlayBrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public async Task App_OnAPhone_FitsTheScreenAndKeepsTheNavigationReachable()
    {
        var page = await app.NewPageAsync(Phone, isMobile: true);
        var account = Account.New("Pia Phone");

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollingAsync(page);
        await Screenshots.SaveAsync(page, "phone-landing");

        await page.SignUpAsync(account);

        await AssertNoSidewaysScrollingAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "phone-home");
        foreach (var (link, heading) in new[] { ("Expenses", "Expenses"), ("Settings", "Settings"), ("Home", $"Hello, {account.DisplayName}") })
        {
            await page.GoViaNavigationAsync(link);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        }

        await page.GoViaNavigationAsync("Settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollingAsync(page);
        await Screenshots.SaveAsync(page, "phone-settings");
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
    }
}
