using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Notifications;
using Outlay.Api.Notifications.Scheduling;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>The daily "log today's spending" reminder: at the user's own local time, once a day, by SMS when chosen.</summary>
public sealed class DailyReminderTests : IClassFixture<TwilioAppFactory>
{
    private const string Reminder = "Time to log today's spending";
    private static readonly object ToSms = new { dailyReminder = new[] { "sms" } };

    private readonly TwilioAppFactory app;

    public DailyReminderTests(TwilioAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Reminder_ArrivesAtTheUsersLocalTimeOnceEvenWithSeveralInstancesLooking()
    {
        // 20:00 in Kolkata is 14:30 UTC.
        var (user, phone) = await app.SmsUserAsync(kinds: ToSms, reminders: new { daily = "20:00" }, userSettings: new { timeZone = "Asia/Kolkata" });

        await AtAsync(new DateTimeOffset(2026, 11, 20, 14, 29, 0, TimeSpan.Zero));
        Assert.Empty(await user.NotificationsAsync(NotificationKinds.DailyReminder));

        await AtAsync(new DateTimeOffset(2026, 11, 20, 14, 31, 0, TimeSpan.Zero), instances: 3);
        var sms = await app.Twilio.WaitForAsync(phone, Reminder);

        var reminder = Assert.Single(await user.NotificationsAsync(NotificationKinds.DailyReminder));
        Assert.Equal("Nothing is logged for today yet. A minute now keeps this month's figures right.", reminder.GetProperty("message").GetString());
        Assert.Equal($"Outlay: {Reminder}. Nothing is logged for today yet. A minute now keeps this month's figures right.", sms.Body);
        await app.Pinned.Services.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, app.Twilio.CountTo(phone, Reminder));
    }

    [Fact]
    public async Task NextDay_BringsTheNextReminderWhichCountsThatDaysExpenses()
    {
        var (user, phone) = await app.SmsUserAsync(kinds: ToSms, reminders: new { daily = "20:00" }, userSettings: new { timeZone = "Asia/Kolkata" });
        await AtAsync(new DateTimeOffset(2026, 11, 20, 14, 31, 0, TimeSpan.Zero));
        await user.AddExpenseAsync(amount: "4.50", occurredOn: "2026-11-21");

        await AtAsync(new DateTimeOffset(2026, 11, 21, 14, 31, 0, TimeSpan.Zero));

        var reminders = await user.NotificationsAsync(NotificationKinds.DailyReminder);
        Assert.Equal(2, reminders.Count);
        Assert.Equal("You have logged 1 expense today. Anything else to add?", reminders[0].GetProperty("message").GetString());
        Assert.Equal("2026-11-21", reminders[0].GetProperty("data").GetProperty("date").GetString());
        await app.Twilio.WaitForAsync(phone, "You have logged 1 expense today");
    }

    [Fact]
    public async Task DayMissed_WhileNoInstanceRan_IsNotSentTheNextMorning()
    {
        var user = await app.UserAsync();
        await user.Client.PutAsJsonAsync(NotificationSteps.Settings, new { reminders = new { daily = "20:00" } });

        await AtAsync(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        Assert.Empty(await user.NotificationsAsync(NotificationKinds.DailyReminder));

        await AtAsync(new DateTimeOffset(2026, 11, 21, 20, 1, 0, TimeSpan.Zero));
        Assert.Single(await user.NotificationsAsync(NotificationKinds.DailyReminder));
    }

    [Fact]
    public async Task ReminderTime_MovedLaterAfterTodaysWasSent_WaitsForTomorrow()
    {
        var user = await app.UserAsync();
        await user.Client.PutAsJsonAsync(NotificationSteps.Settings, new { reminders = new { daily = "20:00" } });
        await AtAsync(new DateTimeOffset(2026, 11, 20, 20, 1, 0, TimeSpan.Zero));

        await user.Client.PutAsJsonAsync(NotificationSteps.Settings, new { reminders = new { daily = "21:00" } });
        await AtAsync(new DateTimeOffset(2026, 11, 20, 21, 1, 0, TimeSpan.Zero));
        Assert.Single(await user.NotificationsAsync(NotificationKinds.DailyReminder));

        await AtAsync(new DateTimeOffset(2026, 11, 21, 21, 1, 0, TimeSpan.Zero));
        Assert.Equal(2, (await user.NotificationsAsync(NotificationKinds.DailyReminder)).Count);
    }

    [Fact]
    public async Task Reminder_InsideQuietHours_IsInTheFeedAtOnceAndTextedWhenTheyEnd()
    {
        // Berlin is UTC+1 in November: 23:00 there is 22:00 UTC, and the quiet hours end at 06:00 UTC.
        var (user, phone) = await app.SmsUserAsync(
            kinds: ToSms, reminders: new { daily = "23:00" }, quietHours: new { from = "22:00", to = "07:00" }, userSettings: new { timeZone = "Europe/Berlin" });

        await AtAsync(new DateTimeOffset(2026, 11, 20, 22, 1, 0, TimeSpan.Zero));
        await app.Pinned.Services.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Single(await user.NotificationsAsync(NotificationKinds.DailyReminder));
        Assert.Equal(0, app.Twilio.CountTo(phone, Reminder));

        app.PinClock(new DateTimeOffset(2026, 11, 21, 5, 59, 0, TimeSpan.Zero));
        await app.Pinned.Services.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Equal(0, app.Twilio.CountTo(phone, Reminder));

        app.PinClock(new DateTimeOffset(2026, 11, 21, 6, 1, 0, TimeSpan.Zero));
        await app.Twilio.WaitForAsync(phone, Reminder);
    }

    /// <summary>Moves "now" and lets the reminder schedulers of <paramref name="instances"/> instances look at once.</summary>
    private async Task AtAsync(DateTimeOffset now, int instances = 1)
    {
        app.PinClock(now);
        var reminders = app.Pinned.Services.GetRequiredService<DailyReminders>();
        await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => reminders.RunDueAsync(CancellationToken.None)));
    }
}
