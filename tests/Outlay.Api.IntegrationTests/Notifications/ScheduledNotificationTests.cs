using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Notifications;
using Outlay.Api.Notifications.Scheduling;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>Notifications from the calendar: the week and month digests, and a recurring payment due tomorrow.</summary>
public sealed class ScheduledNotificationTests : IClassFixture<PinnedClockAppFactory>
{
    private readonly PinnedClockAppFactory app;

    public ScheduledNotificationTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task SignUp_SchedulesTheUsersDigestsAndPaymentReminders()
    {
        var user = await app.RegisterUserAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var jobs = await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Set<NotificationSchedule>()
            .Where(s => s.UserId == user.Id).Select(s => s.Job).OrderBy(j => j).ToListAsync();
        Assert.Equal(["monthDigest", "upcomingPayments", "weekDigest"], jobs);
    }

    [Fact]
    public async Task WeekDigest_OnTheNewWeeksFirstMorning_ComparesWithTheWeekBeforeOnce()
    {
        // Friday 20 November; the week runs Monday to Sunday.
        var user = await app.UserAsync(new { weekStart = "monday" });
        var categories = await user.CategoriesAsync();
        await user.AddExpenseAsync(amount: "40.00", occurredOn: "2026-11-10", categoryId: categories["Groceries"]);
        await user.AddExpenseAsync(amount: "45.00", occurredOn: "2026-11-17", categoryId: categories["Groceries"]);
        await user.AddExpenseAsync(amount: "15.00", occurredOn: "2026-11-20", categoryId: categories["Food & Dining"]);
        await ScheduleOnThePinnedClockAsync(user);

        await RunAsync(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero));
        Assert.Empty(await DigestsAsync(user, "week"));

        await RunAsync(new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero), instances: 3);

        var digest = Assert.Single(await DigestsAsync(user, "week"));
        Assert.Equal("Your week, 16 Nov – 22 Nov 2026: 60.00 USD spent", digest.GetProperty("title").GetString());
        Assert.Equal("50% more than the week before (40.00 USD). Most went to Groceries (45.00 USD).", digest.GetProperty("message").GetString());
        Assert.Equal("2026-11-16", digest.GetProperty("data").GetProperty("start").GetString());
    }

    [Fact]
    public async Task MonthDigest_FollowsThePayDayMonthInTheUsersZone()
    {
        // Months from the 25th, in Kolkata: 25 November – 24 December closes at 09:00 on 25 December there (03:30 UTC).
        var user = await app.UserAsync(new { timeZone = "Asia/Kolkata", monthStartDay = 25 });
        var food = (await user.CategoriesAsync())["Food & Dining"];
        await user.AddExpenseAsync(amount: "120.00", occurredOn: "2026-12-01", categoryId: food);
        await ScheduleOnThePinnedClockAsync(user);

        await RunAsync(new DateTimeOffset(2026, 12, 25, 3, 29, 0, TimeSpan.Zero));
        Assert.Empty(await DigestsAsync(user, "month"));
        await RunAsync(new DateTimeOffset(2026, 12, 25, 3, 31, 0, TimeSpan.Zero));

        var digest = Assert.Single(await DigestsAsync(user, "month"));
        Assert.Equal("Nothing was logged the month before. Most went to Food & Dining (120.00 USD).", digest.GetProperty("message").GetString());
        Assert.Equal("2026-11-25", digest.GetProperty("data").GetProperty("start").GetString());
        Assert.Equal("2026-12-24", digest.GetProperty("data").GetProperty("end").GetString());
    }

    [Fact]
    public async Task NothingSpent_InTheWeekOrTheOneBefore_SendsNoDigest()
    {
        var user = await app.UserAsync();
        await ScheduleOnThePinnedClockAsync(user);

        await RunAsync(new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero));

        Assert.Empty(await user.NotificationsAsync(NotificationKinds.PeriodDigest));
    }

    [Fact]
    public async Task RecurringPayment_IsAnnouncedTheMorningBeforeItIsDue()
    {
        var user = await app.UserAsync();
        foreach (var day in new[] { "2026-08-06", "2026-09-05", "2026-10-05", "2026-11-04" })
        {
            await user.AddExpenseAsync(amount: "15.99", occurredOn: day, merchant: "Netflix");
        }

        await ScheduleOnThePinnedClockAsync(user);

        // Monthly, last on 4 November: next on 4 December.
        await RunAsync(new DateTimeOffset(2026, 12, 2, 9, 1, 0, TimeSpan.Zero));
        Assert.Empty(await user.NotificationsAsync(NotificationKinds.UpcomingPayment));
        await RunAsync(new DateTimeOffset(2026, 12, 3, 9, 1, 0, TimeSpan.Zero), instances: 2);
        await RunAsync(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));

        var notice = Assert.Single(await user.NotificationsAsync(NotificationKinds.UpcomingPayment));
        Assert.Equal("Netflix is due tomorrow", notice.GetProperty("title").GetString());
        Assert.Equal("Your monthly payment to Netflix, about 15.99 USD, is due on 2026-12-04.", notice.GetProperty("message").GetString());
    }

    private static async Task<List<System.Text.Json.JsonElement>> DigestsAsync(TestUser user, string period) =>
        [.. (await user.NotificationsAsync(NotificationKinds.PeriodDigest)).Where(n => n.GetProperty("data").GetProperty("period").GetString() == period)];

    /// <summary>
    /// Sign-up scheduled the user on the real clock of the host it went to; this schedules them again in pinned time,
    /// the way an instance that starts finds users without schedules (those from before a job existed) and adds them.
    /// </summary>
    private async Task ScheduleOnThePinnedClockAsync(TestUser user)
    {
        await using (var scope = app.Pinned.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            await db.Set<NotificationSchedule>().Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
        }

        var restarted = ActivatorUtilities.CreateInstance<ScheduledNotifications>(app.Pinned.Services);
        await restarted.RunDueAsync(CancellationToken.None);
        await using (var scope = app.Pinned.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            Assert.Equal(3, await db.Set<NotificationSchedule>().CountAsync(s => s.UserId == user.Id));
        }
    }

    /// <summary>Moves "now" (when given) and lets the schedulers of <paramref name="instances"/> instances run at once.</summary>
    private async Task RunAsync(DateTimeOffset? now = null, int instances = 1)
    {
        if (now is { } moved)
        {
            app.PinClock(moved);
        }

        var scheduled = app.Pinned.Services.GetRequiredService<ScheduledNotifications>();
        await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => scheduled.RunDueAsync(CancellationToken.None)));
    }
}
