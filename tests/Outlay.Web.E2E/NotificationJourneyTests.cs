using Outlay.Web.E2E.Infrastructure;

namespace Outlay.Web.E2E;

public sealed class NotificationJourneyTests(OutlayBrowserFixture app) : IClassFixture<OutlayBrowserFixture>
{
    [Fact]
    public async Task BudgetRunningOut_RaisesTheBellLiveAndListsTheAlertUntilItIsRead()
    {
        var page = await app.NewPageAsync();
        var token = await OutlayBrowserFixture.SignUpInBackgroundAsync(page, Account.New("Nora Notify"));
        var streamOpen = page.WaitForResponseAsync(response => response.Url.EndsWith("/api/v1/notifications/stream", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await streamOpen;
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();

        // Another client of the same person (a phone) sets a budget and spends past it.
        var phone = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };
        await page.Context.APIRequest.PostAsync("/api/v1/budgets", new() { Headers = phone, DataObject = new { period = "month", amount = "50", alertAt = new[] { 100 } } });
        await page.Context.APIRequest.PostAsync("/api/v1/expenses", new() { Headers = phone, DataObject = new { amount = "60.00", occurredOn = OutlayBrowserFixture.Today, merchant = "Corner Shop" } });

        var bell = page.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread" });
        await Expect(bell).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).GetByText("Your monthly budget is used up")).ToBeVisibleAsync();
        await bell.ClickAsync();

        var list = page.GetByRole(AriaRole.List, new() { Name = "Notifications" });
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(list).ToContainTextAsync("You have spent 60.00 USD of 50.00 USD this month, 10.00 USD over.");
        await Screenshots.SaveAsync(page, "notifications");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark “Your monthly budget is used up” as read" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" })).ToBeDisabledAsync();

        await page.GoViaNavigationAsync("Budgets");
        await Expect(page.GetByText("Alerts at 100% (sent).")).ToBeVisibleAsync();

        // This server has no SMS or WhatsApp provider: the settings say so, and the feed above worked all the same.
        await page.GoViaNavigationAsync("Settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notification settings" }).ClickAsync();
        await Expect(page.GetByText("This server has no SMS provider set up, so alerts stay in the app.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "notification-settings");
    }
}
