using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

public sealed class NotificationFeedTests : IClassFixture<PinnedClockAppFactory>
{
    private readonly PinnedClockAppFactory app;

    public NotificationFeedTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task List_PagesNewestFirstWithTheUnreadCountOfTheWholeFeed()
    {
        var user = await UserWithAlertsAsync(3);

        var first = await user.FeedAsync("limit=2");
        var second = await user.FeedAsync($"limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        var titles = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(n => n.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Your Transport budget is used up", "Your Groceries budget is used up", "Your Health budget is used up"], titles);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(3, first.GetProperty("unreadCount").GetInt32());
        Assert.Equal(3, second.GetProperty("unreadCount").GetInt32());
        Assert.Empty(first.GetProperty("items")[0].GetProperty("deliveries").EnumerateArray());
    }

    [Fact]
    public async Task MarkRead_One_SetsItsReadTimeOnceAndLowersTheUnreadCount()
    {
        var user = await UserWithAlertsAsync(2);
        var newest = (await user.NotificationsAsync())[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync($"/api/v1/notifications/{newest}/read", null)).StatusCode);
        app.PinClock(PinnedClockAppFactory.DefaultNow.AddHours(1));
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync($"/api/v1/notifications/{newest}/read", null)).StatusCode);

        var feed = await user.FeedAsync();
        Assert.Equal(1, feed.GetProperty("unreadCount").GetInt32());
        Assert.Equal(PinnedClockAppFactory.DefaultNow, feed.GetProperty("items")[0].GetProperty("readAt").GetDateTimeOffset());
        var unread = await user.FeedAsync("unread=true");
        Assert.NotEqual(newest, Assert.Single(unread.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task MarkAllRead_LeavesNothingUnread()
    {
        var user = await UserWithAlertsAsync(2);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);

        var feed = await user.FeedAsync();
        Assert.Equal(0, feed.GetProperty("unreadCount").GetInt32());
        Assert.All(feed.GetProperty("items").EnumerateArray(), n => Assert.Equal(JsonValueKind.String, n.GetProperty("readAt").ValueKind));
        Assert.Empty((await user.FeedAsync("unread=true")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Feed_OfAnotherUser_IsNeitherListedNorMarkable()
    {
        var owner = await UserWithAlertsAsync(1);
        var stranger = await app.UserAsync();
        var theirs = (await owner.NotificationsAsync())[0].GetProperty("id").GetGuid();

        await (await stranger.Client.PostAsync($"/api/v1/notifications/{theirs}/read", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await stranger.Client.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);

        Assert.Empty((await stranger.FeedAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(1, (await owner.FeedAsync()).GetProperty("unreadCount").GetInt32());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-ours", "cursor")]
    public async Task List_WithABadPagingParameter_ReturnsValidationProblem(string query, string field)
    {
        var user = await app.UserAsync();

        var response = await user.Client.GetAsync($"/api/v1/notifications?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Feed_WithoutSigningIn_Returns401()
    {
        await (await app.CreateClient().GetAsync("/api/v1/notifications")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>A user whose category budgets each ran out once, oldest first: Health, Groceries, Transport.</summary>
    private async Task<TestUser> UserWithAlertsAsync(int count)
    {
        var user = await app.UserAsync();
        var categories = await user.CategoriesAsync();
        foreach (var category in new[] { "Health", "Groceries", "Transport" }.Take(count))
        {
            await user.AddBudgetAsync("10", alertAt: [100], categoryId: categories[category]);
            await user.AddExpenseAsync(amount: "11.00", occurredOn: "2026-11-02", categoryId: categories[category]);
        }

        return user;
    }
}
