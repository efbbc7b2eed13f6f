using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Sms;

/// <summary>Every forwarder shape the guide documents, posted exactly as the guide shows it.</summary>
public sealed class ForwarderPayloadTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Theory]
    [InlineData("canonical", "1249.00", "INR", "SWIGGY", "2026-11-14", "2026-11-14T04:02:00Z")]
    [InlineData("sms-forwarder", "42.18", "USD", "WHOLE FOODS MARKET", "2026-11-14", "2026-11-14T23:05:00Z")]
    [InlineData("payload", "18.40", "GBP", "TESCO STORES", "2026-11-14", "2026-11-14T12:47:00Z")]
    [InlineData("cloudevents", "899.00", "INR", "CINEPOLIS", "2026-11-15", "2026-11-15T15:11:00Z")]
    [InlineData("form", "640.00", "INR", "freshmart@okaxis", "2026-11-15", "2026-11-15T07:40:00Z")]
    [InlineData("ios-shortcuts", "310.00", "INR", "UBER INDIA", "2026-11-16", null)]
    public async Task Ingest_DocumentedForwarderExample_CreatesTheExpense(
        string example, string amount, string currency, string merchant, string occurredOn, string? occurredAt)
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostAsync("/api/v1/sms", SmsSteps.ContentOf(example));

        var body = await response.ReadIngestedAsync("created");
        var expense = body.GetProperty("expense");
        Assert.Equal(amount, expense.GetProperty("amount").GetString());
        Assert.Equal(currency, expense.GetProperty("currency").GetString());
        Assert.Equal(merchant, expense.GetProperty("merchant").GetString());
        Assert.Equal(occurredOn, expense.GetProperty("occurredOn").GetString());
        Assert.Equal("sms", expense.GetProperty("source").GetString());
        if (occurredAt is not null)
        {
            Assert.Equal(DateTimeOffset.Parse(occurredAt), expense.GetProperty("occurredAt").GetDateTimeOffset());
        }

        Assert.Equal($"/api/v1/expenses/{expense.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("form")]
    [InlineData("ios-shortcuts")]
    [InlineData("sms-forwarder")]
    public async Task Ingest_WithTheTokenInThePath_CreatesTheExpense(string example)
    {
        var (user, _, token) = await app.PhoneForwardingAsync();

        var response = await app.CookielessClient().PostAsync($"/api/v1/sms/ingest/{token.Token}", SmsSteps.ContentOf(example));

        var body = await response.ReadIngestedAsync("created");
        Assert.Equal("sms", body.GetProperty("expense").GetProperty("source").GetString());
        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
    }

    [Theory]
    [InlineData("""{"phone": "VM-KESTRL", "msg": "Rs.310.00 spent on your Kestrel Bank Debit Card XX4821 at UBER INDIA on 16-11-2026."}""")]
    [InlineData("""{"number": "VM-KESTRL", "message": "Rs.310.00 spent on your Kestrel Bank Debit Card XX4821 at UBER INDIA on 16-11-2026.", "timestamp": "1794728400"}""")]
    [InlineData("""{"From": "VM-KESTRL", "Text": "Rs.310.00 spent on your Kestrel Bank Debit Card XX4821 at UBER INDIA on 16-11-2026.", "receivedStamp": "2026-11-16T10:00:00Z"}""")]
    public async Task Ingest_WithOtherForwarderFieldNames_CreatesTheExpense(string json)
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();

        // Some apps label their JSON text/plain.
        var response = await phone.PostAsync("/api/v1/sms", new StringContent(json, System.Text.Encoding.UTF8, "text/plain"));

        var body = await response.ReadIngestedAsync("created");
        Assert.Equal("310.00", body.GetProperty("expense").GetProperty("amount").GetString());
        Assert.Equal("UBER INDIA", body.GetProperty("parsed").GetProperty("merchant").GetString());
    }

    [Theory]
    [InlineData("""{"sender": "VM-KESTRL"}""")]
    [InlineData("""{"sender": "VM-KESTRL", "body": "   "}""")]
    [InlineData("""{"payload": {"sender": "VM-KESTRL", "receivedAt": 1794628920000}}""")]
    public async Task Ingest_WithoutABody_ReturnsValidationProblemNamingBody(string json)
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostAsync("/api/v1/sms", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        Assert.Empty(await app.SmsMessagesOfAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_WithAFormPostWithoutContent_ReturnsValidationProblemNamingBody()
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostAsync("/api/v1/sms", new FormUrlEncodedContent(new Dictionary<string, string> { ["from"] = "VM-KESTRL" }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Ingest_WithABodyOver2000Characters_ReturnsValidationProblem()
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostSmsAsync(SmsSteps.SwiggyDebit + new string(' ', 10) + new string('x', 2000));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("{\"sender\": \"VM-KESTRL\", \"body\": ")]
    [InlineData("[1, 2, 3]")]
    public async Task Ingest_WithMalformedJson_ReturnsBadRequestProblem(string json)
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostAsync("/api/v1/sms", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Ingest_WithAnUnreadableTimestamp_UsesTheTimeItArrived()
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await phone.PostSmsAsync(SmsSteps.CardAlert, receivedAt: "sometime on Tuesday");

        var expense = (await response.ReadIngestedAsync("created")).GetProperty("expense");
        Assert.InRange(expense.GetProperty("occurredAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(JsonValueKind.String, expense.GetProperty("amount").ValueKind);
    }
}
