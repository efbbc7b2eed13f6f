using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Sms;

public sealed class IngestSmsTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Ingest_Debit_CreatesAnSmsExpenseWithAGuessedCategory()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostSmsAsync(SmsSteps.SwiggyDebit, receivedAt: 1794628920000);

        var body = await response.ReadIngestedAsync("created");
        var parsed = body.GetProperty("parsed");
        Assert.True(parsed.GetProperty("isTransaction").GetBoolean());
        Assert.Equal("debit", parsed.GetProperty("direction").GetString());
        Assert.Equal("1249.00", parsed.GetProperty("amount").GetString());
        Assert.Equal("INR", parsed.GetProperty("currency").GetString());
        Assert.Equal("4821", parsed.GetProperty("accountTail").GetString());
        Assert.Equal("2026-11-14", parsed.GetProperty("date").GetString());
        Assert.Equal("610482937551", parsed.GetProperty("reference").GetString());

        var expense = body.GetProperty("expense");
        Assert.Equal("sms", expense.GetProperty("source").GetString());
        Assert.Equal("Food & Dining", expense.GetProperty("categoryName").GetString());
        Assert.Equal("SWIGGY", expense.GetProperty("merchant").GetString());
        var id = expense.GetProperty("id").GetGuid();
        var fetched = await user.Client.GetFromJsonAsync<JsonElement>($"/api/v1/expenses/{id}");
        Assert.Equal(expense.GetRawText(), fetched.GetRawText());

        var stored = await app.InDatabaseAsync(db => db.Expenses.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("4821", stored.AccountTail);
        Assert.Equal("610482937551", stored.Reference);
        Assert.False(stored.CategoryChosenByUser);
        var message = Assert.Single(await app.SmsMessagesOfAsync(user.Id));
        Assert.Equal(id, message.ExpenseId);
        Assert.Equal("VM-KESTRL", message.Sender);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794628920000), message.ReceivedAt);
    }

    [Theory]
    [InlineData(SmsSteps.SalaryCredit, "credit")]
    [InlineData(SmsSteps.Otp, "otp")]
    [InlineData(SmsSteps.Promotion, "promotion")]
    [InlineData(SmsSteps.Declined, "declined")]
    public async Task Ingest_CreditOrNonTransaction_IsIgnoredWithAReason(string text, string reason)
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        var response = await phone.PostSmsAsync(text);

        var body = await response.ReadIngestedAsync("ignored");
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("expense").ValueKind);
        Assert.Equal(0, await app.ExpenseCountAsync(user.Id));
        var message = Assert.Single(await app.SmsMessagesOfAsync(user.Id));
        Assert.Equal(reason, message.IgnoredReason);
    }

    [Fact]
    public async Task Ingest_NonTransaction_DoesNotKeepItsBody()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        await (await phone.PostSmsAsync(SmsSteps.Otp)).ReadIngestedAsync("ignored");

        Assert.Null(Assert.Single(await app.SmsMessagesOfAsync(user.Id)).ProtectedBody);
    }

    [Fact]
    public async Task Ingest_Debit_StoresTheBodyEncryptedNotInPlainText()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        var column = await app.InDatabaseAsync(db => db.SmsMessages.Where(m => m.UserId == user.Id).Select(m => m.ProtectedBody).SingleAsync());
        Assert.NotNull(column);
        Assert.DoesNotContain(SmsSteps.SwiggyDebit, column);
        Assert.DoesNotContain("SWIGGY", column, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1,249.00", column);
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Outlay.Sms.Body");
        Assert.Equal(SmsSteps.SwiggyDebit, protector.Unprotect(column));
    }

    [Fact]
    public async Task Ingest_ASecondUsersIdenticalSms_IsTheirOwnExpense()
    {
        var (first, firstPhone, _) = await app.PhoneForwardingAsync();
        var (second, secondPhone, _) = await app.PhoneForwardingAsync();

        await (await firstPhone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");
        await (await secondPhone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        Assert.Equal(1, await app.ExpenseCountAsync(first.Id));
        Assert.Equal(1, await app.ExpenseCountAsync(second.Id));
    }

    [Fact]
    public async Task Parse_AnSms_ReturnsTheParseAndSavesNothing()
    {
        var user = await app.RegisterUserAsync();
        await user.EnableSmsAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/sms/parse", new { sender = "VM-KESTRL", body = SmsSteps.SwiggyDebit });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parsed");
        Assert.Equal("debit", parsed.GetProperty("direction").GetString());
        Assert.Equal("1249.00", parsed.GetProperty("amount").GetString());
        Assert.Equal("SWIGGY", parsed.GetProperty("merchant").GetString());
        Assert.Equal("48751.00", parsed.GetProperty("balance").GetString());
        Assert.Equal(JsonValueKind.Null, parsed.GetProperty("ignoredReason").ValueKind);
        Assert.Empty(await app.SmsMessagesOfAsync(user.Id));
        Assert.Equal(0, await app.ExpenseCountAsync(user.Id));
    }

    [Fact]
    public async Task Parse_ANonTransaction_SaysWhyItIsIgnored()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsync("/api/v1/sms/parse", SmsSteps.ContentOf("form"));
        var otp = await user.Client.PostAsJsonAsync("/api/v1/sms/parse", new { from = "VM-KESTRL", text = SmsSteps.Otp });

        Assert.Equal("freshmart@okaxis", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parsed").GetProperty("merchant").GetString());
        var parsed = (await otp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parsed");
        Assert.False(parsed.GetProperty("isTransaction").GetBoolean());
        Assert.Equal(JsonValueKind.Null, parsed.GetProperty("direction").ValueKind);
        Assert.Equal("otp", parsed.GetProperty("ignoredReason").GetString());
    }

    [Fact]
    public async Task Parse_WithoutABody_ReturnsValidationProblemNamingBody()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/sms/parse", new { sender = "VM-KESTRL" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }
}
