using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>Codes and alerts over WhatsApp through the fake Meta Cloud API, sent by the instances' dispatchers from the outbox.</summary>
public sealed class WhatsAppDeliveryTests : IClassFixture<MetaAppFactory>
{
    private const string AlertTitle = "Your monthly budget is 80% used";
    private const string AlertMessage = "You have spent 85.00 USD of 100.00 USD this month; 15.00 USD left.";
    private readonly MetaAppFactory app;

    public WhatsAppDeliveryTests(MetaAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Verification_OverWhatsApp_SendsTheCodeAsTheApprovedTemplate()
    {
        var user = await app.UserAsync();

        var response = await user.Client.PostAsJsonAsync($"{NotificationSteps.Settings}/verification", new { channel = "whatsapp", phone = "+14155550123" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = Assert.Single(app.Meta.Messages, m => m.To == "+14155550123");
        Assert.Equal(("template", MetaAppFactory.CodeTemplate, "en_US"), (sent.Type, sent.TemplateName, sent.TemplateLanguage));
        var code = Assert.Single(sent.Parameters);
        Assert.Matches("^[0-9]{6}$", code);
        var confirmed = await user.Client.PostAsJsonAsync($"{NotificationSteps.Settings}/verification/confirm", new { channel = "whatsapp", code });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var whatsApp = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("channels").GetProperty("whatsapp");
        Assert.True(whatsApp.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Verification_WithoutACodeTemplate_IsAConflictThatNamesTheMissingSetting()
    {
        var user = await app.UserAsync();
        await using var withoutTemplate = app.Pinned.WithWebHostBuilder(b => b.UseSetting("Outlay:Notifications:Meta:Templates:phoneVerification:Name", ""));

        var response = await withoutTemplate.ClientWithToken(user.AccessToken).PostAsJsonAsync($"{NotificationSteps.Settings}/verification", new { channel = "whatsapp", phone = "+14155550124" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Templates:phoneVerification", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(app.Meta.Messages, m => m.To == "+14155550124");
    }

    [Fact]
    public async Task BudgetAlert_InsideTheWindow_GoesAsTextWithExactlyTheJsonMetaExpects()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");

        var sent = await app.Meta.WaitForAsync(phone, "text");
        Assert.True(Guid.TryParse(sent.CallbackData, out _), "the delivery id rides along for the status events");
        var expected = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = phone,
            ["type"] = "text",
            ["text"] = new JsonObject { ["preview_url"] = false, ["body"] = $"Outlay: {AlertTitle}. {AlertMessage}" },
            ["biz_opaque_callback_data"] = sent.CallbackData,
        };
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(sent.Json)), sent.Json);
        Assert.Equal("whatsapp", (await user.WaitForDeliveryAsync("sent")).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task BudgetAlert_OutsideTheWindow_GoesOnceAsTheKindsTemplate()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);
        app.Meta.CloseWindow(phone);

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");

        await user.WaitForDeliveryAsync("sent");
        var alert = Assert.Single(app.Meta.Messages, m => m.To == phone && m.TemplateName != MetaAppFactory.CodeTemplate);
        Assert.Equal(("template", MetaAppFactory.BudgetTemplate, MetaAppFactory.BudgetTemplateLanguage), (alert.Type, alert.TemplateName, alert.TemplateLanguage));
        Assert.Equal([AlertTitle, AlertMessage], alert.Parameters);

        // Templates may be sent outside the window; should Meta still report one as outside it, nothing is re-sent.
        Assert.Equal(HttpStatusCode.OK, (await app.PostWhatsAppEventAsync(WhatsAppSteps.StatusEvent(alert, "failed", errorCode: 131047))).StatusCode);
        await user.WaitForDeliveryAsync("failed");
        await Task.Delay(500);
        Assert.Single(app.Meta.Messages, m => m.To == phone && m.TemplateName == MetaAppFactory.BudgetTemplate);
    }

    [Fact]
    public async Task ThroughputLimitThenOutage_AreRetriedAndTheAlertArrivesOnce()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);
        app.Meta.RefuseNext(400, 130429, times: 2);
        app.Meta.RefuseNext(503, 2, times: 2);

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");

        await app.Meta.WaitForAsync(phone, "text");
        await user.WaitForDeliveryAsync("sent");
        Assert.Single(app.Meta.Messages, m => m.To == phone && m.Type == "text");
    }

    [Fact]
    public async Task NotOnWhatsApp_TurnsTheChannelOffAndTheFeedSaysWhy()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);
        app.Meta.RefuseNext(400, 131026);

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");

        var delivery = await user.WaitForDeliveryAsync("failed", kind: "budgetThreshold");
        Assert.StartsWith("131026", delivery.GetProperty("error").GetString());
        await user.AssertWhatsAppTurnedOffAsync();
        Assert.DoesNotContain(app.Meta.Messages, m => m.To == phone && m.Type == "text");
    }

    [Fact]
    public async Task TemplateMissingInThatLanguage_IsNotRetried()
    {
        var (user, phone) = await app.WhatsAppUserAsync();
        await user.AddBudgetAsync("100", alertAt: [80]);
        app.Meta.RefuseNext(400, 131047); // the text: the window is closed
        app.Meta.RefuseNext(400, 132001); // the template: not approved in that language

        await user.AddExpenseAsync(amount: "85.00", occurredOn: "2026-11-09");

        var delivery = await user.WaitForDeliveryAsync("failed");
        Assert.StartsWith("132001", delivery.GetProperty("error").GetString());
        await Task.Delay(500); // a retry would now get through
        Assert.Single(app.Meta.Messages, m => m.To == phone);
    }
}
