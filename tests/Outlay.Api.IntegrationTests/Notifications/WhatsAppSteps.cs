using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>A WhatsApp user on the Meta app, and Meta's webhook posts, signed as Meta signs them.</summary>
public static class WhatsAppSteps
{
    public const string Webhook = "/api/v1/webhooks/whatsapp";

    /// <summary>A user whose number is verified over WhatsApp (the code came as the template), with budget thresholds going to WhatsApp.</summary>
    public static async Task<(TestUser User, string Phone)> WhatsAppUserAsync(this MetaAppFactory app)
    {
        var user = await app.UserAsync();
        var phone = $"+1415555{Random.Shared.Next(1000, 9999)}";
        Assert.Equal(HttpStatusCode.Accepted, (await user.Client.PostAsJsonAsync($"{NotificationSteps.Settings}/verification", new { channel = "whatsapp", phone })).StatusCode);
        var code = Assert.Single(app.Meta.Messages.Last(m => m.To == phone).Parameters);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsJsonAsync($"{NotificationSteps.Settings}/verification/confirm", new { channel = "whatsapp", code })).StatusCode);
        var put = await user.Client.PutAsJsonAsync(NotificationSteps.Settings, new
        {
            channels = new { whatsapp = new { enabled = true } },
            kinds = new { budgetThreshold = new[] { "whatsapp" } },
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        return (user, phone);
    }

    /// <summary>Meta's event for one message status, with an error code when it failed.</summary>
    public static object StatusEvent(MetaMessage message, string status, int? errorCode = null) => new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            metadata = new { display_phone_number = "15550783881", phone_number_id = FakeMeta.PhoneNumberId },
                            statuses = new[]
                            {
                                new
                                {
                                    id = message.Wamid,
                                    status,
                                    timestamp = "1700000000",
                                    recipient_id = message.To.TrimStart('+'),
                                    biz_opaque_callback_data = message.CallbackData,
                                    errors = errorCode is { } code ? new[] { new { code, title = "Refused as the test says" } } : null,
                                },
                            },
                        },
                    },
                },
            },
        },
    };

    /// <summary>Posts the event to the pinned host (whose clock the dispatcher uses), signed with the app secret unless a header is given.</summary>
    public static Task<HttpResponseMessage> PostWhatsAppEventAsync(this MetaAppFactory app, object payload, string? signature = null, bool signed = true) =>
        app.PostWhatsAppBodyAsync(JsonSerializer.SerializeToUtf8Bytes(payload), signature, signed);

    public static async Task<HttpResponseMessage> PostWhatsAppBodyAsync(this MetaAppFactory app, byte[] body, string? signature = null, bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signed)
        {
            // As MESSAGING.md says Meta signs: the hex HMAC-SHA256 of the raw body, keyed with the app secret.
            request.Headers.Add("X-Hub-Signature-256", signature ?? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MetaAppFactory.AppSecret), body)));
        }

        return await app.Pinned.CreateClient().SendAsync(request);
    }

    /// <summary>WhatsApp is off in the settings and a channelDisabled item says so (it follows the failure right away).</summary>
    public static async Task AssertWhatsAppTurnedOffAsync(this TestUser user)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await user.NotificationsAsync("channelDisabled")).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var off = Assert.Single(await user.NotificationsAsync("channelDisabled"));
        Assert.Equal("WhatsApp alerts are off", off.GetProperty("title").GetString());
        var settings = await user.Client.GetFromJsonAsync<JsonElement>(NotificationSteps.Settings);
        Assert.False(settings.GetProperty("channels").GetProperty("whatsapp").GetProperty("enabled").GetBoolean());
    }
}
