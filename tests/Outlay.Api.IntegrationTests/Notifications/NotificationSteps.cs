using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>Budgets and the feed, the way a client reads them.</summary>
public static class NotificationSteps
{
    public const string Settings = "/api/v1/me/notification-settings";

    public static async Task<Guid> AddBudgetAsync(this TestUser user, string amount, int[]? alertAt = null, Guid? categoryId = null, string period = "month")
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period, amount, alertAt, categoryId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> FeedAsync(this TestUser user, string query = "")
    {
        var response = await user.Client.GetAsync("/api/v1/notifications" + (query.Length > 0 ? "?" + query : ""));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> NotificationsAsync(this TestUser user, string? kind = null) =>
        [.. (await user.FeedAsync("limit=200")).GetProperty("items").EnumerateArray().Where(n => kind is null || n.GetProperty("kind").GetString() == kind)];

    /// <summary>The thresholds the budget shows as fired in its current period.</summary>
    public static async Task<List<int>> FiredThresholdsAsync(this TestUser user, Guid budgetId)
    {
        var budgets = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets");
        var budget = budgets.EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == budgetId);
        return [.. budget.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("threshold").GetInt32())];
    }

    /// <summary>The newest notification's (of the kind) only delivery, once it has the status given.</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(this TestUser user, string status, string? kind = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = Assert.Single((await user.NotificationsAsync(kind))[0].GetProperty("deliveries").EnumerateArray());
            if (delivery.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, delivery.GetProperty("status").GetString());
                return delivery;
            }

            // The dispatcher and the webhooks change it in the background.
            await Task.Delay(50);
        }
    }
}
