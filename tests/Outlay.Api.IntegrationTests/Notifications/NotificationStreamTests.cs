using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>
/// The live stream over real Kestrel servers, as a browser meets it (the in-memory test server aborts a request
/// whose response is still streaming). Users sign up on the fixture's host; their streams and writes go to pinned hosts.
/// </summary>
public sealed class NotificationStreamTests : IClassFixture<PinnedClockAppFactory>, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly PinnedClockAppFactory app;
    private readonly List<WebApplicationFactory<Program>> servers = [];

    public NotificationStreamTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Stream_OnTheSameInstance_SendsEachNewNotificationAsAnEvent()
    {
        var user = await LiveUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80, 100]);
        using var stream = await OpenStreamAsync(user.Client);

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");
        var first = await stream.NextAsync();
        await user.AddExpenseAsync(amount: "20.00", occurredOn: "2026-11-09");
        var second = await stream.NextAsync();

        Assert.Equal("Your monthly budget is 80% used", first.GetProperty("title").GetString());
        Assert.Equal("Your monthly budget is used up", second.GetProperty("title").GetString());
        var feed = await user.NotificationsAsync();
        Assert.Equal(feed.Select(n => n.GetProperty("id").GetGuid()), [second.GetProperty("id").GetGuid(), first.GetProperty("id").GetGuid()]);
    }

    [RedisFact]
    public async Task Stream_OnAnotherInstance_GetsTheNotificationThroughRedis()
    {
        var user = await LiveUserAsync();
        await user.AddBudgetAsync("100", alertAt: [100]);
        using var stream = await OpenStreamAsync(ClientOf(StartLiveServer(), user.AccessToken));

        await user.AddExpenseAsync(amount: "150.00", occurredOn: "2026-11-09");

        Assert.Equal("budgetThreshold", (await stream.NextAsync()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Stream_OfAnotherUser_HearsNothingOfTheirs()
    {
        var owner = await LiveUserAsync();
        var stranger = await LiveUserAsync();
        await owner.AddBudgetAsync("10", alertAt: [100]);
        await stranger.AddBudgetAsync("10", alertAt: [100]);
        using var strangers = await OpenStreamAsync(stranger.Client);

        await owner.AddExpenseAsync(amount: "50.00", occurredOn: "2026-11-09");
        await stranger.AddExpenseAsync(amount: "20.00", occurredOn: "2026-11-09");

        Assert.Equal("20.00", (await strangers.NextAsync()).GetProperty("data").GetProperty("spent").GetString());
    }

    [Fact]
    public async Task Stream_WithoutSigningIn_Returns401()
    {
        await (await app.CreateClient().GetAsync("/api/v1/notifications/stream")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A user whose client talks to a pinned host on Kestrel (one per test class, started on first use).</summary>
    private async Task<TestUser> LiveUserAsync()
    {
        var user = await app.RegisterUserAsync();
        return user with { Client = ClientOf(servers.FirstOrDefault() ?? StartLiveServer(), user.AccessToken) };
    }

    private WebApplicationFactory<Program> StartLiveServer()
    {
        var server = app.Pinned.WithWebHostBuilder(builder => builder.UseSetting("urls", "http://127.0.0.1:0"));
        server.UseKestrel();
        server.StartServer();
        servers.Add(server);
        return server;
    }

    private static HttpClient ClientOf(WebApplicationFactory<Program> server, string accessToken)
    {
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<EventStream> OpenStreamAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/notifications/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    private sealed class EventStream(HttpResponseMessage response, Stream body) : IDisposable
    {
        private readonly IAsyncEnumerator<SseItem<string>> events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();

        /// <summary>The next <c>notification</c> event's data.</summary>
        public async Task<JsonElement> NextAsync()
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Patience), "The stream ended.");
            Assert.Equal("notification", events.Current.EventType);
            return JsonDocument.Parse(events.Current.Data).RootElement.Clone();
        }

        public void Dispose()
        {
            body.Dispose();
            response.Dispose();
        }
    }
}


