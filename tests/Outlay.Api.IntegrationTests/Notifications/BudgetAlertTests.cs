using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>Today is Friday 20 November 2026 (UTC, USD): two thirds of the month have passed unless a test says otherwise.</summary>
public sealed class BudgetAlertTests : IClassFixture<PinnedClockAppFactory>
{
    private const string Threshold = "budgetThreshold";
    private const string Risk = "budgetRisk";
    private readonly PinnedClockAppFactory app;

    public BudgetAlertTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Spending_ReachingEightyPercent_PutsOneAlertInTheFeedAndOnTheBudget()
    {
        var user = await app.UserAsync();
        var budget = await user.AddBudgetAsync("200", alertAt: [80, 100]);
        await user.AddExpenseAsync(amount: "100.00", occurredOn: "2026-11-03");
        Assert.Empty(await user.NotificationsAsync(Threshold));

        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-18");

        var alert = Assert.Single(await user.NotificationsAsync(Threshold));
        Assert.Equal("Your monthly budget is 80% used", alert.GetProperty("title").GetString());
        Assert.Equal("You have spent 160.00 USD of 200.00 USD this month; 40.00 USD left.", alert.GetProperty("message").GetString());
        var data = alert.GetProperty("data");
        Assert.Equal(budget, data.GetProperty("budgetId").GetGuid());
        Assert.Equal(80, data.GetProperty("threshold").GetInt32());
        Assert.Equal("2026-11-01", data.GetProperty("periodStart").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("readAt").ValueKind);
        Assert.Equal([80], await user.FiredThresholdsAsync(budget));
    }

    [Fact]
    public async Task Spending_FallingBackAndCrossingAgain_FiresNothingNew()
    {
        var user = await app.UserAsync();
        var budget = await user.AddBudgetAsync("100", alertAt: [80]);
        var crossing = await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-10");
        Assert.Single(await user.NotificationsAsync(Threshold));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/expenses/{crossing.Id}")).StatusCode);
        await user.AddExpenseAsync(amount: "90.00", occurredOn: "2026-11-11");

        Assert.Single(await user.NotificationsAsync(Threshold));
        Assert.Equal([80], await user.FiredThresholdsAsync(budget));
    }

    [Fact]
    public async Task Spending_PassingSeveralThresholdsInOneWrite_TellsOfTheHighestAndMarksAllFired()
    {
        var user = await app.UserAsync();
        var budget = await user.AddBudgetAsync("100", alertAt: [50, 80, 100]);

        await user.AddExpenseAsync(amount: "120.00", occurredOn: "2026-11-05");

        var alert = Assert.Single(await user.NotificationsAsync(Threshold));
        Assert.Equal("Your monthly budget is used up", alert.GetProperty("title").GetString());
        Assert.EndsWith("20.00 USD over.", alert.GetProperty("message").GetString());
        Assert.Equal([50, 80, 100], await user.FiredThresholdsAsync(budget));
        await user.AddExpenseAsync(amount: "5.00", occurredOn: "2026-11-06");
        Assert.Single(await user.NotificationsAsync());
    }

    [Fact]
    public async Task Spending_InTheNextPeriod_StartsAgain()
    {
        var user = await app.UserAsync();
        var budget = await user.AddBudgetAsync("50", alertAt: [100], period: "week");
        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-17");
        Assert.Single(await user.NotificationsAsync(Threshold));

        app.PinClock(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await user.AddExpenseAsync(amount: "55.00", occurredOn: "2026-11-24");

        var alerts = await user.NotificationsAsync(Threshold);
        Assert.Equal(["2026-11-23", "2026-11-16"], alerts.Select(a => a.GetProperty("data").GetProperty("periodStart").GetString()));
        Assert.Equal([100], await user.FiredThresholdsAsync(budget));
    }

    [Fact]
    public async Task ConcurrentWrites_CrossingEightyPercent_GiveOneAlert()
    {
        var user = await app.UserAsync();
        var budget = await user.AddBudgetAsync("100", alertAt: [80, 100]);
        await user.AddExpenseAsync(amount: "70.00", occurredOn: "2026-11-02");

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => user.AddExpenseAsync(amount: "2.00", occurredOn: "2026-11-03", merchant: $"Kiosk {i}")));

        var alert = Assert.Single(await user.NotificationsAsync(Threshold));
        Assert.Equal(80, alert.GetProperty("data").GetProperty("threshold").GetInt32());
        Assert.Equal([80], await user.FiredThresholdsAsync(budget));
    }

    [Fact]
    public async Task ConcurrentWritesOnTwoInstances_CrossingOneHundredPercent_GiveOneAlert()
    {
        var user = await app.UserAsync();
        var otherInstance = app.Pinned.WithWebHostBuilder(_ => { }).ClientWithToken(user.AccessToken);
        await user.AddBudgetAsync("100", alertAt: [100]);
        await user.AddExpenseAsync(amount: "96.00", occurredOn: "2026-11-02");

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? user.Client : otherInstance)
            .PostAsJsonAsync("/api/v1/expenses", new { amount = "1.00", occurredOn = "2026-11-04", merchant = $"Stall {i}" })));

        Assert.Single(await user.NotificationsAsync(Threshold));
    }

    [Fact]
    public async Task Risk_WhenTheProjectionPassesTheBudget_FiresOnceWhileItIsNotYetExceeded()
    {
        var user = await app.UserAsync();
        await user.AddBudgetAsync("1000", alertAt: [100]);

        // Day 20 of 30: 700 spent projects to 700 + 10 days × 35 a day = 1,050.
        await user.AddExpenseAsync(amount: "700.00", occurredOn: "2026-11-10");
        await user.AddExpenseAsync(amount: "10.00", occurredOn: "2026-11-19");

        var risk = Assert.Single(await user.NotificationsAsync(Risk));
        Assert.Equal("Your monthly budget may run out", risk.GetProperty("title").GetString());
        Assert.Equal(
            "At this pace you will spend about 1050.00 USD this month, over the 1000.00 USD budget; 700.00 USD spent so far.",
            risk.GetProperty("message").GetString());
        Assert.Empty(await user.NotificationsAsync(Threshold));
    }

    [Fact]
    public async Task Risk_EarlyInThePeriod_StaysQuiet()
    {
        app.PinClock(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero));
        var user = await app.UserAsync();
        await user.AddBudgetAsync("1000", alertAt: [100]);

        // Rent on the 1st projects to 10 times the budget, but 3 days of 30 say little about the month.
        await user.AddExpenseAsync(amount: "900.00", occurredOn: "2026-11-01");

        Assert.Empty(await user.NotificationsAsync());
    }

    [Fact]
    public async Task CategoryBudget_CountsOnlyItsCategoryAndNamesIt()
    {
        var user = await app.UserAsync();
        var categories = await user.CategoriesAsync();
        await user.AddBudgetAsync("50", alertAt: [100], categoryId: categories["Groceries"]);

        await user.AddExpenseAsync(amount: "80.00", occurredOn: "2026-11-05", categoryId: categories["Transport"]);
        Assert.Empty(await user.NotificationsAsync(Threshold));
        await user.AddExpenseAsync(amount: "51.00", occurredOn: "2026-11-05", categoryId: categories["Groceries"]);

        Assert.Equal("Your Groceries budget is used up", Assert.Single(await user.NotificationsAsync(Threshold)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task CsvImport_CrossingAThreshold_Alerts()
    {
        var user = await app.UserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);

        await TestExpenses.AssertImportReportAsync(
            await TestExpenses.ImportCsvAsync(user, "date,amount,currency,category,merchant,note\r\n2026-11-04,45.00,USD,Groceries,Market,\r\n2026-11-05,40.00,USD,Transport,Rail,\r\n"),
            imported: 2,
            duplicates: 0);

        Assert.Single(await user.NotificationsAsync(Threshold));
    }
}
