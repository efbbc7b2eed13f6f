using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Notifications;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>An expense far above what the person usually spends in its category is told in the feed, once.</summary>
public sealed class UnusualExpenseAlertTests : IClassFixture<PinnedClockAppFactory>
{
    private readonly PinnedClockAppFactory app;

    public UnusualExpenseAlertTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task UnusualExpense_IsToldOnceEvenWhenItIsEditedAfterwards()
    {
        var (user, shopping) = await UserWithUsualShoppingAsync();

        var big = await user.AddExpenseAsync(amount: "400", occurredOn: "2026-11-18", categoryId: shopping, merchant: "Big Store");
        var patched = await user.Client.PatchAsync($"/api/v1/expenses/{big.Id}", JsonContent.Create(new { note = "new sofa" }));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var alert = Assert.Single(await user.NotificationsAsync(NotificationKinds.UnusualExpense));
        Assert.Equal("Unusual Shopping expense", alert.GetProperty("title").GetString());
        Assert.Equal("400.00 USD at Big Store on 2026-11-18 is far above your usual Shopping expense of 50.00 USD.", alert.GetProperty("message").GetString());
        Assert.Equal(big.Id, alert.GetProperty("data").GetProperty("expenseId").GetGuid());
    }

    [Fact]
    public async Task UsualOrOldExpenses_StayQuiet()
    {
        var (user, shopping) = await UserWithUsualShoppingAsync();

        await user.AddExpenseAsync(amount: "58", occurredOn: "2026-11-18", categoryId: shopping);
        // Unusual, but from August: no longer news.
        await user.AddExpenseAsync(amount: "400", occurredOn: "2026-08-20", categoryId: shopping);

        Assert.Empty(await user.NotificationsAsync(NotificationKinds.UnusualExpense));
    }

    [Fact]
    public async Task SameExpense_JudgedOnSeveralInstancesAtOnce_IsToldOnce()
    {
        var (user, shopping) = await UserWithUsualShoppingAsync();
        var big = await user.AddExpenseAsync(amount: "400", occurredOn: "2026-11-18", categoryId: shopping);
        var alerts = app.Pinned.Services.GetRequiredService<UnusualExpenseAlerts>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => alerts.EvaluateAsync(user.Id, big.Id, CancellationToken.None)));

        Assert.Single(await user.NotificationsAsync(NotificationKinds.UnusualExpense));
    }

    /// <summary>Ten shopping expenses of 40 to 60 from July to October: a usual shopping expense is 50.</summary>
    private async Task<(TestUser User, Guid Shopping)> UserWithUsualShoppingAsync()
    {
        var user = await app.UserAsync();
        var shopping = (await user.CategoriesAsync())["Shopping"];
        var start = new DateOnly(2026, 7, 1);
        for (var i = 0; i < 10; i++)
        {
            var day = start.AddDays(i * 11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await user.AddExpenseAsync(amount: (40 + (5 * (i % 5))).ToString(CultureInfo.InvariantCulture), occurredOn: day, categoryId: shopping);
        }

        return (user, shopping);
    }
}
