using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Sms;

public sealed class ListSmsMessagesTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task List_OwnMessages_NewestFirstWithWhatBecameOfEach()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        var swiggy = await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit, receivedAt: "2026-11-14T09:00:00Z")).ReadIngestedAsync("created");
        var upi = await (await phone.PostSmsAsync(SmsSteps.UpiDebit, sender: "JD-KESTRL", receivedAt: "2026-11-15T10:00:00Z")).ReadIngestedAsync("created");
        await (await phone.PostSmsAsync(SmsSteps.UpiAppNotice, sender: "PAYAPP", receivedAt: "2026-11-15T11:00:00Z")).ReadIngestedAsync("duplicate");
        await (await phone.PostSmsAsync(SmsSteps.Otp, receivedAt: "2026-11-15T12:00:00Z")).ReadIngestedAsync("ignored");
        await (await phone.PostSmsAsync(SmsSteps.Promotion, sender: "KESTREL", receivedAt: "2026-11-15T13:00:00Z")).ReadIngestedAsync("ignored");

        var items = (await user.ListSmsMessagesAsync()).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(["KESTREL", "VM-KESTRL", "PAYAPP", "JD-KESTRL", "VM-KESTRL"], items.Select(m => m.GetProperty("sender").GetString()));
        Assert.Equal(["ignored", "ignored", "duplicate", "created", "created"], items.Select(m => m.GetProperty("status").GetString()));
        Assert.Equal(["promotion", "otp", null, null, null], items.Select(m => m.GetProperty("reason").GetString()));
        var upiExpense = upi.GetProperty("expense").GetProperty("id").GetGuid();
        Assert.Equal(upiExpense, items[2].GetProperty("expenseId").GetGuid());
        Assert.Equal(upiExpense, items[3].GetProperty("expenseId").GetGuid());
        Assert.Equal(swiggy.GetProperty("expense").GetProperty("id").GetGuid(), items[4].GetProperty("expenseId").GetGuid());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("expenseId").ValueKind);
        Assert.Equal(DateTimeOffset.Parse("2026-11-14T09:00:00Z"), items[4].GetProperty("receivedAt").GetDateTimeOffset());

        // Transaction texts are kept by default; the texts of other messages never are.
        Assert.Equal(SmsSteps.SwiggyDebit, items[4].GetProperty("body").GetString());
        Assert.Equal(SmsSteps.UpiAppNotice, items[2].GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("body").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("body").ValueKind);

        var stored = await app.SmsMessagesOfAsync(user.Id);
        Assert.Equal(stored.Select(m => m.Id).Order(), items.Select(m => m.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task List_AnotherUsersMessages_NeverAppear()
    {
        var (owner, ownerPhone, _) = await app.PhoneForwardingAsync();
        var (stranger, strangerPhone, _) = await app.PhoneForwardingAsync();
        await (await ownerPhone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");
        await (await strangerPhone.PostSmsAsync(SmsSteps.CardDebit)).ReadIngestedAsync("created");
        var bystander = await app.RegisterUserAsync();

        var mine = (await owner.ListSmsMessagesAsync()).GetProperty("items");
        var theirs = (await stranger.ListSmsMessagesAsync()).GetProperty("items");
        var nobodys = (await bystander.ListSmsMessagesAsync()).GetProperty("items");

        Assert.Equal(SmsSteps.SwiggyDebit, Assert.Single(mine.EnumerateArray()).GetProperty("body").GetString());
        Assert.Equal(SmsSteps.CardDebit, Assert.Single(theirs.EnumerateArray()).GetProperty("body").GetString());
        Assert.Empty(nobodys.EnumerateArray());
    }

    [Fact]
    public async Task List_AfterKeepingTextsIsTurnedOff_ShowsNoBody()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");
        Assert.Equal(SmsSteps.SwiggyDebit, (await user.SingleSmsMessageAsync()).GetProperty("body").GetString());

        await user.EnableSmsAsync(keepMessageBodies: false);

        var message = await user.SingleSmsMessageAsync();
        Assert.Equal(JsonValueKind.Null, message.GetProperty("body").ValueKind);
        Assert.Equal("created", message.GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_AfterForwardingIsTurnedOff_ShowsTheMessagesWithoutBodies()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        await user.DisableSmsAsync();

        var message = await user.SingleSmsMessageAsync();
        Assert.Equal(JsonValueKind.Null, message.GetProperty("body").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, message.GetProperty("expenseId").ValueKind);
    }

    [Fact]
    public async Task List_WithoutKeptTexts_ShowsNoBody()
    {
        var user = await app.RegisterUserAsync();
        await user.EnableSmsAsync(keepMessageBodies: false);
        var phone = app.PhoneWithToken((await user.CreateSmsTokenAsync()).Token);
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        Assert.Equal(JsonValueKind.Null, (await user.SingleSmsMessageAsync()).GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task List_WithALimit_PagesThroughEveryMessageOnce()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        string[] texts = [SmsSteps.SwiggyDebit, SmsSteps.UpiDebit, SmsSteps.Otp];
        for (var i = 0; i < texts.Length; i++)
        {
            await phone.PostSmsAsync(texts[i], receivedAt: $"2026-11-15T1{i}:00:00Z");
        }

        var first = await user.ListSmsMessagesAsync("limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await user.ListSmsMessagesAsync($"limit=2&cursor={cursor}");

        var received = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(m => m.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(
            [DateTimeOffset.Parse("2026-11-15T12:00:00Z"), DateTimeOffset.Parse("2026-11-15T11:00:00Z"), DateTimeOffset.Parse("2026-11-15T10:00:00Z")],
            received);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_WithBadPaging_ReturnsValidationProblem(string query, string field)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync($"/api/v1/sms/messages?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task List_Anonymously_ReturnsUnauthorized()
    {
        var response = await app.CookielessClient().GetAsync("/api/v1/sms/messages");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_WithAnIngestToken_ReturnsUnauthorized()
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        var response = await phone.GetAsync("/api/v1/sms/messages");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetSettings_ByDefault_SaysTurningOffDeletesTheTexts()
    {
        var user = await app.RegisterUserAsync();

        var before = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");
        await user.EnableSmsAsync();
        var after = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");

        Assert.True(before.GetProperty("deletesBodiesOnDisable").GetBoolean());
        Assert.True(after.GetProperty("deletesBodiesOnDisable").GetBoolean());
    }
}

public sealed class ListSmsMessagesWhenTheOperatorKeepsBodiesTests(KeepBodiesAppFactory app) : IClassFixture<KeepBodiesAppFactory>
{
    [Fact]
    public async Task Settings_WhenTheOperatorKeepsBodies_SayTurningOffKeepsTheTexts()
    {
        var user = await app.RegisterUserAsync();

        var before = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");
        var put = await user.Client.PutAsJsonAsync("/api/v1/me/sms-settings", new { enabled = true });

        Assert.False(before.GetProperty("deletesBodiesOnDisable").GetBoolean());
        Assert.False((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deletesBodiesOnDisable").GetBoolean());
    }

    [Fact]
    public async Task List_AfterForwardingIsTurnedOffWhenTheOperatorKeepsBodies_StillShowsTheText()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        await user.DisableSmsAsync();

        Assert.Equal(SmsSteps.SwiggyDebit, (await user.SingleSmsMessageAsync()).GetProperty("body").GetString());
    }
}

internal static class SmsMessageListing
{
    public static async Task<JsonElement> ListSmsMessagesAsync(this TestUser user, string query = "")
    {
        var response = await user.Client.GetAsync("/api/v1/sms/messages" + (query.Length == 0 ? "" : "?" + query));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> SingleSmsMessageAsync(this TestUser user) =>
        Assert.Single((await user.ListSmsMessagesAsync()).GetProperty("items").EnumerateArray());
}
