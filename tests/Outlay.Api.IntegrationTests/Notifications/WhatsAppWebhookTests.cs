using System.Net;
using System.Text;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>Meta's webhook: the set-up handshake, and signed status events moving the deliveries on.</summary>
public sealed class WhatsAppWebhookTests : IClassFixture<MetaAppFactory>
{
    private readonly MetaAppFactory app;

    public WhatsAppWebhookTests(MetaAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Handshake_WithTheVerifyToken_AnswersTheChallenge()
    {
        var response = await app.CreateClient().GetAsync(
            $"{WhatsAppSteps.Webhook}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={MetaAppFactory.VerifyToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guessed")]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=" + MetaAppFactory.VerifyToken)]
    [InlineData("hub.mode=subscribe&hub.verify_token=" + MetaAppFactory.VerifyToken)]
    public async Task Handshake_WithoutTheRightTokenModeAndChallenge_IsForbidden(string query)
    {
        var response = await app.CreateClient().GetAsync($"{WhatsAppSteps.Webhook}?{query}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusEvents_WithAMissingOrWrongSignature_AreForbiddenAndChangeNothing()
    {
        var (user, sent) = await SentAlertAsync();
        var payload = WhatsAppSteps.StatusEvent(sent, "delivered");

        var unsigned = await app.PostWhatsAppEventAsync(payload, signed: false);
        var wrongKey = await app.PostWhatsAppEventAsync(payload, signature: "sha256=" + new string('a', 64));
        var notHex = await app.PostWhatsAppEventAsync(payload, signature: "sha256=not-hex");
        var otherBody = await app.PostWhatsAppBodyAsync(
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(WhatsAppSteps.StatusEvent(sent, "read"))),
            signature: SignatureOf(payload));

        foreach (var response in new[] { unsigned, wrongKey, notHex, otherBody })
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        await Task.Delay(200);
        await user.WaitForDeliveryAsync("sent");
    }

    [Fact]
    public async Task StatusEvents_Signed_MoveTheDeliveryToDeliveredThenRead()
    {
        var (user, sent) = await SentAlertAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(sent, "delivered"))).StatusCode);
        await user.WaitForDeliveryAsync("delivered");
        Assert.Equal(HttpStatusCode.OK, (await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(sent, "read"))).StatusCode);
        await user.WaitForDeliveryAsync("read");
    }

    [Fact]
    public async Task StatusEvents_RepeatedOrLate_NeverMoveTheDeliveryBack()
    {
        var (user, sent) = await SentAlertAsync();

        foreach (var status in new[] { "read", "read", "delivered", "sent", "delivered" })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(sent, status))).StatusCode);
        }

        var delivery = await user.WaitForDeliveryAsync("read");
        Assert.False(delivery.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task FailedOutsideTheWindow_AfterTheTextWasAccepted_SendsTheTemplateExactlyOnce()
    {
        var (user, sent) = await SentAlertAsync();
        var failed = WhatsAppSteps.StatusEvent(sent, "failed", errorCode: 131047);

        var answers = await Task.WhenAll(app.PostWhatsAppEventAsync(failed), app.PostWhatsAppEventAsync(failed));
        var template = await app.Meta.WaitForAsync(sent.To, "template", MetaAppFactory.BudgetTemplate);
        await user.WaitForDeliveryAsync("sent");
        var again = await app.PostWhatsAppEventAsync(failed);
        var templateFailed = await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(template, "failed", errorCode: 131047));

        Assert.All(answers.Append(again).Append(templateFailed), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal((MetaAppFactory.BudgetTemplate, sent.CallbackData), (template.TemplateName, template.CallbackData));
        var delivery = await user.WaitForDeliveryAsync("failed");
        Assert.StartsWith("131047", delivery.GetProperty("error").GetString());
        await Task.Delay(500); // the dispatcher keeps polling meanwhile
        Assert.Single(app.Meta.Messages, m => m.To == sent.To && m.Type == "template" && m.TemplateName == MetaAppFactory.BudgetTemplate);
    }

    [Fact]
    public async Task StatusEvent_ThatOutrunsMetasAnswer_IsRefusedSoMetaSendsItAgain()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);
        var held = app.Meta.HoldNextAsync();
        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");
        var sending = await held.WaitAsync(TimeSpan.FromSeconds(20));

        var early = await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(sending, "delivered"));
        app.Meta.Release();
        await user.WaitForDeliveryAsync("sent");
        var again = await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(sending, "delivered"));

        await early.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await user.WaitForDeliveryAsync("delivered");
        Assert.Single(app.Meta.Messages, m => m.To == phone && m.Type == "text");
    }

    [Fact]
    public async Task FailedNotOnWhatsApp_TurnsTheChannelOffAndTheFeedSaysWhy()
    {
        var (user, sent) = await SentAlertAsync();

        var response = await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(sent, "failed", errorCode: 131026));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("131026", (await user.WaitForDeliveryAsync("failed", kind: "budgetThreshold")).GetProperty("error").GetString());
        await user.AssertWhatsAppTurnedOffAsync();
    }

    [Fact]
    public async Task IncomingMessage_IsAcknowledged()
    {
        var payload = new
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
                                contacts = new[] { new { wa_id = "14155550199", profile = new { name = "A person" } } },
                                messages = new[] { new { from = "14155550199", id = "wamid.incoming", timestamp = "1700000000", type = "text", text = new { body = "hello" } } },
                            },
                        },
                    },
                },
            },
        };

        Assert.Equal(HttpStatusCode.OK, (await app.PostWhatsAppEventAsync(payload)).StatusCode);
    }

    [Fact]
    public async Task StatusOfAMessageOutlayDidNotSend_IsAcknowledgedAndIgnored()
    {
        var stranger = new MetaMessage("wamid.unknown", "+14155550100", "text", "hi", null, null, [], Guid.NewGuid().ToString(), "{}");

        Assert.Equal(HttpStatusCode.OK, (await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(stranger, "delivered"))).StatusCode);
    }

    [Fact]
    public async Task SignedBodies_ThatAreNotWhatsAppEvents_AreBadRequestProblems()
    {
        var notJson = await app.PostWhatsAppBodyAsync(Encoding.UTF8.GetBytes("{\"object\":"));
        var otherObject = await app.PostWhatsAppEventAsync(new { @object = "page", entry = Array.Empty<object>() });
        var wrongTypes = await app.PostWhatsAppEventAsync(new { @object = "whatsapp_business_account", entry = "many" });

        foreach (var response in new[] { notJson, otherObject, wrongTypes })
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task OversizeBody_IsRefusedBeforeTheSignatureIsChecked()
    {
        var response = await app.PostWhatsAppBodyAsync(new byte[300 * 1024]);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A WhatsApp user's budget alert, sent as text and recorded as sent.</summary>
    private async Task<(TestUser User, MetaMessage Sent)> SentAlertAsync()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);
        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");
        var sent = await app.Meta.WaitForAsync(phone, "text");
        await user.WaitForDeliveryAsync("sent");
        return (user, sent);
    }

    private static string SignatureOf(object payload)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(payload);
        return "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(MetaAppFactory.AppSecret), body));
    }
}
