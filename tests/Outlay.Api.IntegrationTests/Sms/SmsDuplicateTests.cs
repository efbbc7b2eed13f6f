using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Sms;

public sealed class SmsDuplicateTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Ingest_TheSameSmsTwice_AnswersDuplicateWithTheFirstExpense()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        var first = await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        // A forwarder's retry: same text, the sender written differently, a later time.
        var again = await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit, sender: "vm-kestrl", receivedAt: 1794628980000)).ReadIngestedAsync("duplicate");

        Assert.Equal(first.GetProperty("expense").GetProperty("id").GetGuid(), again.GetProperty("expense").GetProperty("id").GetGuid());
        Assert.Equal("debit", again.GetProperty("parsed").GetProperty("direction").GetString());
        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
        Assert.Single(await app.SmsMessagesOfAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_TheSameIgnoredSmsTwice_AnswersDuplicate()
    {
        var (_, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.Otp)).ReadIngestedAsync("ignored");

        var again = await (await phone.PostSmsAsync(SmsSteps.Otp)).ReadIngestedAsync("duplicate");

        Assert.Equal(JsonValueKind.Null, again.GetProperty("expense").ValueKind);
    }

    [Fact]
    public async Task Ingest_TheSameSmsConcurrently_CreatesOneExpense()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => phone.PostSmsAsync(SmsSteps.UpiDebit, sender: "JD-KESTRL")));

        var statuses = new List<string>();
        foreach (var response in responses)
        {
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            statuses.Add(body.GetProperty("status").GetString()!);
        }

        Assert.Equal(1, statuses.Count(s => s == "created"));
        Assert.Equal(5, statuses.Count(s => s == "duplicate"));
        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_TheSameTransactionByReferenceInAnotherText_AnswersDuplicate()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        var bank = await (await phone.PostSmsAsync(SmsSteps.UpiDebit, sender: "JD-KESTRL", receivedAt: 1794728400000)).ReadIngestedAsync("created");

        // The payment app's own SMS, an hour later: only the reference ties it to the bank's.
        var app2 = await (await phone.PostSmsAsync(SmsSteps.UpiAppNotice, sender: "PAYAPP", receivedAt: 1794732000000)).ReadIngestedAsync("duplicate");

        Assert.Equal(bank.GetProperty("expense").GetProperty("id").GetGuid(), app2.GetProperty("expense").GetProperty("id").GetGuid());
        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
        Assert.Equal(2, (await app.SmsMessagesOfAsync(user.Id)).Count);
    }

    [Fact]
    public async Task Ingest_TheSameAmountOnTheSameCardMinutesApart_AnswersDuplicate()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.CardDebit, sender: "AD-KESTRL", receivedAt: "2026-11-15T15:11:00Z")).ReadIngestedAsync("created");

        await (await phone.PostSmsAsync(SmsSteps.CardAlert, sender: "KESTREL", receivedAt: "2026-11-15T15:14:30Z")).ReadIngestedAsync("duplicate");

        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_TheSameAmountOnTheSameCardHalfAnHourApart_CreatesTwoExpenses()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.CardDebit, sender: "AD-KESTRL", receivedAt: "2026-11-15T15:11:00Z")).ReadIngestedAsync("created");

        await (await phone.PostSmsAsync(SmsSteps.CardAlert, sender: "KESTREL", receivedAt: "2026-11-15T15:41:00Z")).ReadIngestedAsync("created");

        Assert.Equal(2, await app.ExpenseCountAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_TwoTextsOfOneTransactionConcurrently_CreatesOneExpense()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        var responses = await Task.WhenAll(
            phone.PostSmsAsync(SmsSteps.UpiDebit, sender: "JD-KESTRL", receivedAt: 1794728400000),
            phone.PostSmsAsync(SmsSteps.UpiAppNotice, sender: "PAYAPP", receivedAt: 1794728401000),
            phone.PostSmsAsync(SmsSteps.UpiDebit, sender: "JD-KESTRL", receivedAt: 1794728400000),
            phone.PostSmsAsync(SmsSteps.UpiAppNotice, sender: "PAYAPP", receivedAt: 1794728401000));

        var statuses = new List<string>();
        foreach (var response in responses)
        {
            statuses.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()!);
        }

        Assert.Equal(1, statuses.Count(s => s == "created"));
        Assert.Equal(3, statuses.Count(s => s == "duplicate"));
        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_ATransactionWhoseExpenseWasDeleted_AnswersDuplicateWithoutAnExpense()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        var bank = await (await phone.PostSmsAsync(SmsSteps.UpiDebit, sender: "JD-KESTRL")).ReadIngestedAsync("created");
        await user.Client.DeleteAsync($"/api/v1/expenses/{bank.GetProperty("expense").GetProperty("id").GetGuid()}");

        var again = await (await phone.PostSmsAsync(SmsSteps.UpiAppNotice, sender: "PAYAPP")).ReadIngestedAsync("duplicate");

        Assert.Equal(JsonValueKind.Null, again.GetProperty("expense").ValueKind);
        Assert.Empty(await user.ListAllAsync());
    }
}
