using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Notifications;
using Outlay.Api.Notifications.Scheduling;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>
/// The notifications issue's "done when", whole: a monthly food budget tells of 80 % and of 100 % by WhatsApp once
/// each, though WhatsApp is down for an hour in between and two instances send; both are in the feed with their
/// delivery status; and the daily reminder comes at the person's own local time.
/// </summary>
public sealed class FoodBudgetAcceptanceTests(FoodBudgetAcceptanceTests.RealBackoffApp app) : IClassFixture<FoodBudgetAcceptanceTests.RealBackoffApp>
{
    [Fact]
    public async Task FoodBudget_OverWhatsApp_TellsOfEachThresholdOnceThroughAnHourLongOutageOnTwoInstances()
    {
        var start = PinnedClockAppFactory.DefaultNow;
        app.PinClock(start);
        var (user, phone) = await app.WhatsAppUserAsync();
        // Berlin, UTC+1 in November: the 20:00 reminder is 19:00 UTC.
        Assert.True((await user.Client.PatchAsJsonAsync("/api/v1/me", new { timeZone = "Europe/Berlin" })).IsSuccessStatusCode);
        var put = await user.Client.PutAsJsonAsync(NotificationSteps.Settings, new
        {
            channels = new { whatsapp = new { enabled = true } },
            kinds = new { budgetThreshold = new[] { "whatsapp" }, dailyReminder = new[] { "whatsapp" } },
            reminders = new { daily = "20:00" },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var secondInstance = app.Pinned.WithWebHostBuilder(_ => { });
        var food = (await user.CategoriesAsync())["Food & Dining"];
        await user.AddBudgetAsync("200", alertAt: [80, 100], categoryId: food);

        await user.AddExpenseAsync(amount: "170.00", occurredOn: "2026-11-20", categoryId: food);
        var eighty = await app.Meta.WaitForAsync(phone, "text");
        app.Meta.GoDown();
        await secondInstance.ClientWithToken(user.AccessToken)
            .PostAsJsonAsync("/api/v1/expenses", new { amount = "40.00", occurredOn = "2026-11-20", categoryId = food });
        for (var minutes = 1; minutes <= 60; minutes += 4)
        {
            await DispatchOnBothAsync(secondInstance, start.AddMinutes(minutes));
        }

        Assert.True(app.Meta.RefusedWhileDown >= 6, $"{app.Meta.RefusedWhileDown} sends were tried during the outage");
        app.Meta.ComeBack();
        // The backoff has grown to its 15-minute cap: the next try comes within it.
        await DispatchOnBothAsync(secondInstance, start.AddMinutes(76));
        var hundred = await WaitForTextAsync(phone, "used up");

        Assert.Contains("Your Food & Dining budget is 80% used", eighty.Text, StringComparison.Ordinal);
        Assert.Single(app.Meta.Messages, m => m.To == phone && m.Text?.Contains("80% used", StringComparison.Ordinal) == true);
        Assert.Single(app.Meta.Messages, m => m.To == phone && m.Text?.Contains("used up", StringComparison.Ordinal) == true);
        foreach (var message in new[] { eighty, hundred })
        {
            Assert.True((await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(message, "delivered"))).IsSuccessStatusCode);
        }

        var alerts = await user.NotificationsAsync(NotificationKinds.BudgetThreshold);
        Assert.Equal(["Your Food & Dining budget is used up", "Your Food & Dining budget is 80% used"], alerts.Select(a => a.GetProperty("title").GetString()));
        Assert.All(alerts, alert =>
        {
            var delivery = Assert.Single(alert.GetProperty("deliveries").EnumerateArray());
            Assert.Equal("whatsapp", delivery.GetProperty("channel").GetString());
            Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        });

        app.PinClock(new DateTimeOffset(2026, 11, 20, 18, 59, 0, TimeSpan.Zero));
        await app.Pinned.Services.GetRequiredService<DailyReminders>().RunDueAsync(CancellationToken.None);
        Assert.Empty(await user.NotificationsAsync(NotificationKinds.DailyReminder));
        app.PinClock(new DateTimeOffset(2026, 11, 20, 19, 0, 30, TimeSpan.Zero));
        await Task.WhenAll(
            app.Pinned.Services.GetRequiredService<DailyReminders>().RunDueAsync(CancellationToken.None),
            secondInstance.Services.GetRequiredService<DailyReminders>().RunDueAsync(CancellationToken.None));
        await WaitForTextAsync(phone, "Time to log today's spending");
        Assert.Single(await user.NotificationsAsync(NotificationKinds.DailyReminder));
    }

    /// <summary>Moves "now" and lets both instances' dispatchers take a round at once (their own loops run as well).</summary>
    private async Task DispatchOnBothAsync(WebApplicationFactory<Program> secondInstance, DateTimeOffset now)
    {
        app.PinClock(now);
        await Task.WhenAll(
            app.Pinned.Services.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None),
            secondInstance.Services.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None));
    }

    private async Task<MetaMessage> WaitForTextAsync(string phone, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (app.Meta.Messages.FirstOrDefault(m => m.To == phone && m.Text?.Contains(text, StringComparison.Ordinal) == true) is { } message)
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No WhatsApp message containing '{text}' arrived.");
            await Task.Delay(50);
        }
    }

    /// <summary>The Meta app with the shipped backoff (30 s doubling to 15 min), so an hour's outage is an hour of tries.</summary>
    public sealed class RealBackoffApp : MetaAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Outlay:Notifications:RetryFirstDelaySeconds"] = "30",
        };
    }
}
