using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Notifications;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>Alerts that leave the app: SMS through the fake Twilio, sent by the instances' dispatchers from the outbox.</summary>
public sealed class DeliveryTests : IClassFixture<TwilioAppFactory>
{
    private readonly TwilioAppFactory app;

    public DeliveryTests(TwilioAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task BudgetAlerts_WithSmsChosen_ArriveOnceEachAndShowTheirStatusInTheFeed()
    {
        var (user, phone) = await app.SmsUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80, 100]);

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");
        var first = await app.Twilio.WaitForAsync(phone, "80% used");
        await user.AddExpenseAsync(amount: "5.00", occurredOn: "2026-11-09");
        await user.AddExpenseAsync(amount: "20.00", occurredOn: "2026-11-10");
        await app.Twilio.WaitForAsync(phone, "used up");

        Assert.Equal("Outlay: Your monthly budget is 80% used. You have spent 85.00 USD of 100.00 USD this month; 15.00 USD left.", first.Body);
        Assert.Equal(TwilioAppFactory.SmsFrom, first.From);
        Assert.Equal(1, app.Twilio.CountTo(phone, "80% used"));
        Assert.Equal(1, app.Twilio.CountTo(phone, "used up"));
        var deliveries = await user.WaitForDeliveryAsync("sent");
        Assert.Equal("sms", deliveries.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task SystemReport_CountsMessagesByChannelAndStatusWithoutSayingWhoGotThem()
    {
        var admin = await app.RegisterAdminAsync();
        var (user, phone) = await app.SmsUserAsync();
        await user.AddBudgetAsync("50", alertAt: [100]);
        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-09");
        await user.WaitForDeliveryAsync("sent");

        var text = await admin.Client.GetStringAsync("/api/v1/admin/reports/summary?period=month&date=2026-11-01");

        var sent = JsonDocument.Parse(text).RootElement.GetProperty("deliveries").EnumerateArray()
            .Single(d => d.GetProperty("channel").GetString() == "sms" && d.GetProperty("status").GetString() == "sent");
        Assert.True(sent.GetProperty("count").GetInt32() >= 1);
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusCallback_SignedByTwilio_MovesTheDeliveryOnAndABadSignatureChangesNothing()
    {
        var (user, phone) = await app.SmsUserAsync();
        await user.AddBudgetAsync("50", alertAt: [100]);
        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-09");
        var sent = await app.Twilio.WaitForAsync(phone, "used up");
        await user.WaitForDeliveryAsync("sent");
        Assert.Equal($"{TwilioAppFactory.PublicBaseUrl}/api/v1/webhooks/twilio/status", sent.StatusCallback);

        var forged = await PostStatusAsync(sent, "failed", signature: "bm90IHR3aWxpbw==");
        var delivered = await PostStatusAsync(sent, "delivered");
        var late = await PostStatusAsync(sent, "sent");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        await user.WaitForDeliveryAsync("delivered");
    }

    [Fact]
    public async Task ProviderDown_ForSeveralTries_DeliversOnceWhenItIsBack()
    {
        var (user, phone) = await app.SmsUserAsync();
        await user.AddBudgetAsync("50", alertAt: [100]);
        app.Twilio.FailNext(4);

        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-09");

        await app.Twilio.WaitForAsync(phone, "used up");
        await user.WaitForDeliveryAsync("sent");
        Assert.Equal(1, app.Twilio.CountTo(phone, "used up"));
    }

    [Fact]
    public async Task ProviderHiccup_OfTwoBusyAnswers_IsRetriedWithinTheSameSend()
    {
        app.Twilio.FailNext(2);
        var twilio = app.Pinned.Services.GetRequiredService<TwilioMessages>();

        var result = await twilio.SendAsync(NotificationChannels.Sms, "+14155550100", "Outlay: hello", CancellationToken.None);

        Assert.True(result.IsSent, result.Error);
        Assert.Equal(1, app.Twilio.CountTo("+14155550100", "hello"));
    }

    [Fact]
    public async Task PermanentRefusal_IsNotRetriedAndTheFeedSaysWhy()
    {
        var (user, phone) = await app.SmsUserAsync();
        await user.AddBudgetAsync("50", alertAt: [100]);
        app.Twilio.RefuseNext();

        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-09");

        var delivery = await user.WaitForDeliveryAsync("failed", kind: "budgetThreshold");
        Assert.StartsWith("21610", delivery.GetProperty("error").GetString());
        Assert.Equal(0, app.Twilio.CountTo(phone, "used up"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await user.NotificationsAsync("channelDisabled")).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50); // the channel is turned off right after the refusal is recorded
        }

        var off = Assert.Single(await user.NotificationsAsync("channelDisabled"));
        Assert.Equal("SMS alerts are off", off.GetProperty("title").GetString());
        Assert.False((await user.Client.GetFromJsonAsync<JsonElement>(NotificationSteps.Settings)).GetProperty("channels").GetProperty("sms").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task TwoInstancesDispatching_SendEachMessageOnce()
    {
        var (user, phone) = await app.SmsUserAsync();
        var otherInstance = app.Pinned.WithWebHostBuilder(_ => { }).ClientWithToken(user.AccessToken);
        var categories = await user.CategoriesAsync();
        var names = new[] { "Groceries", "Transport", "Health", "Shopping", "Travel" };
        foreach (var name in names)
        {
            await user.AddBudgetAsync("10", alertAt: [100], categoryId: categories[name]);
        }

        await Task.WhenAll(names.Select((name, i) => (i % 2 == 0 ? user.Client : otherInstance)
            .PostAsJsonAsync("/api/v1/expenses", new { amount = "11.00", occurredOn = "2026-11-09", categoryId = categories[name] })));

        foreach (var name in names)
        {
            await app.Twilio.WaitForAsync(phone, $"Your {name} budget is used up");
        }

        // Both dispatchers keep polling meanwhile; nothing may go out twice.
        await Task.Delay(500);
        Assert.All(names, name => Assert.Equal(1, app.Twilio.CountTo(phone, $"Your {name} budget is used up")));
    }

    [Fact]
    public async Task QuietHours_DelayTheMessageUntilTheyEnd()
    {
        var (user, phone) = await app.SmsUserAsync(quietHours: new { from = "11:00", to = "13:00" });
        await user.AddBudgetAsync("50", alertAt: [100]);

        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-09");
        await Task.Delay(500);
        Assert.Equal(0, app.Twilio.CountTo(phone, "used up"));
        Assert.Single(await user.NotificationsAsync());

        app.PinClock(PinnedClockAppFactory.DefaultNow.AddHours(1).AddMinutes(1));
        await app.Twilio.WaitForAsync(phone, "used up");
    }

    [Fact]
    public async Task BudgetAlerts_OfAKindLeftInTheFeed_SendNothing()
    {
        var (user, phone) = await app.SmsUserAsync(kinds: new { budgetRisk = new[] { "sms" } });
        await user.AddBudgetAsync("50", alertAt: [100]);

        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-11-09");
        await Task.Delay(500);

        Assert.Equal(0, app.Twilio.CountTo(phone, "used up"));
        Assert.Empty((await user.NotificationsAsync())[0].GetProperty("deliveries").EnumerateArray());
    }

    [Fact]
    public async Task StopReply_TurnsSmsOffAndTheFeedSaysWhyButABadSignatureOrOtherWordsChangeNothing()
    {
        var (user, phone) = await app.SmsUserAsync();

        var forged = await PostInboundAsync(phone, "STOP", signature: "bm90IHR3aWxpbw==");
        var chat = await PostInboundAsync(phone, "thanks!");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.True(await SmsEnabledAsync(user));

        var stop = await PostInboundAsync(phone, " Stop ");

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("text/xml", stop.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await stop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SmsEnabledAsync(user));
        Assert.Single(await user.NotificationsAsync("channelDisabled"));
    }

    private static async Task<bool> SmsEnabledAsync(TestUser user) =>
        (await user.Client.GetFromJsonAsync<JsonElement>(NotificationSteps.Settings)).GetProperty("channels").GetProperty("sms").GetProperty("enabled").GetBoolean();

    /// <summary>A message from a phone to Outlay's number, as Twilio posts it, signed as Twilio signs it unless a signature is given.</summary>
    private async Task<HttpResponseMessage> PostInboundAsync(string from, string body, string? signature = null)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = $"SM{Guid.NewGuid():N}",
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["From"] = from,
            ["To"] = TwilioAppFactory.SmsFrom,
            ["Body"] = body,
        };
        return await PostSignedAsync("/api/v1/webhooks/twilio/inbound", $"{TwilioAppFactory.PublicBaseUrl}/api/v1/webhooks/twilio/inbound", form, signature);
    }

    /// <summary>Twilio's callback for a message, signed as Twilio signs it unless a signature is given.</summary>
    private async Task<HttpResponseMessage> PostStatusAsync(TwilioMessage message, string status, string? signature = null)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = message.Sid,
            ["MessageStatus"] = status,
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["To"] = message.To,
            ["From"] = message.From!,
            ["ErrorCode"] = "",
        };
        return await PostSignedAsync("/api/v1/webhooks/twilio/status", message.StatusCallback!, form, signature);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string signedUrl, Dictionary<string, string> form, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        // As MESSAGING.md says Twilio signs: the URL, then each parameter's name and value sorted by name.
        var signed = signedUrl + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(FakeTwilio.AuthToken), Encoding.UTF8.GetBytes(signed)));
        request.Headers.Add("X-Twilio-Signature", signature ?? expected);
        return await app.CreateClient().SendAsync(request);
    }
}
