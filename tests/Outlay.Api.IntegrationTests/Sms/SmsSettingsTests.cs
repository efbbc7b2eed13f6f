using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Sms;

public sealed class SmsSettingsTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Get_BeforeConsent_ReturnsDisabled()
    {
        var user = await app.RegisterUserAsync();

        var settings = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");

        Assert.False(settings.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("consentedAt").ValueKind);
        Assert.True(settings.GetProperty("keepMessageBodies").GetBoolean());
    }

    [Fact]
    public async Task Put_Enabled_RecordsTheConsentTime()
    {
        var user = await app.RegisterUserAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await user.Client.PutAsJsonAsync("/api/v1/me/sms-settings", new { enabled = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");
        Assert.True(settings.GetProperty("enabled").GetBoolean());
        Assert.InRange(settings.GetProperty("consentedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Put_WithoutEnabled_ReturnsValidationProblem()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PutAsJsonAsync("/api/v1/me/sms-settings", new { keepMessageBodies = false });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("enabled", out _));
    }

    [Fact]
    public async Task Ingest_BeforeConsent_ReturnsForbiddenAndStoresNothing()
    {
        var user = await app.RegisterUserAsync();
        var token = await user.CreateSmsTokenAsync();

        var response = await app.PhoneWithToken(token.Token).PostSmsAsync(SmsSteps.SwiggyDebit);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await app.SmsMessagesOfAsync(user.Id));
        Assert.Equal(0, await app.ExpenseCountAsync(user.Id));
    }

    [Fact]
    public async Task Ingest_AfterConsentWasWithdrawn_ReturnsForbiddenAndStoresNothing()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.CardDebit)).ReadIngestedAsync("created");

        await user.DisableSmsAsync();
        var response = await phone.PostSmsAsync(SmsSteps.SwiggyDebit);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single(await app.SmsMessagesOfAsync(user.Id));
        Assert.Equal(1, await app.ExpenseCountAsync(user.Id));
        var settings = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("consentedAt").ValueKind);
    }

    [Fact]
    public async Task Put_Disabled_DeletesStoredBodiesButKeepsTheExpenses()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");
        await (await phone.PostSmsAsync(SmsSteps.CardDebit)).ReadIngestedAsync("created");
        Assert.All(await app.SmsMessagesOfAsync(user.Id), m => Assert.NotNull(m.ProtectedBody));

        await user.DisableSmsAsync();

        var messages = await app.SmsMessagesOfAsync(user.Id);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Null(m.ProtectedBody));
        Assert.Equal(2, (await user.ListAllAsync()).Count);
    }

    [Fact]
    public async Task Put_KeepMessageBodiesFalse_DeletesStoredBodiesAndKeepsNoNewOnes()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        await user.EnableSmsAsync(keepMessageBodies: false);
        await (await phone.PostSmsAsync(SmsSteps.CardDebit)).ReadIngestedAsync("created");

        Assert.All(await app.SmsMessagesOfAsync(user.Id), m => Assert.Null(m.ProtectedBody));
    }

    [Fact]
    public async Task Put_EnabledAgain_KeepsTheFirstConsentTime()
    {
        var user = await app.RegisterUserAsync();
        await user.EnableSmsAsync();
        var first = await app.InDatabaseAsync(db => db.SmsSettings.AsNoTracking().SingleAsync(s => s.UserId == user.Id));

        await user.EnableSmsAsync();

        var second = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/sms-settings");
        Assert.Equal(first.ConsentedAt, second.GetProperty("consentedAt").GetDateTimeOffset());
    }
}

/// <summary>An operator who keeps message bodies when users turn ingestion off.</summary>
public sealed class KeepBodiesAppFactory : OutlayAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outlay:Sms:DeleteBodiesOnDisable"] = "false",
    };
}

public sealed class SmsBodiesKeptOnDisableTests(KeepBodiesAppFactory app) : IClassFixture<KeepBodiesAppFactory>
{
    [Fact]
    public async Task Put_DisabledWhenTheOperatorKeepsBodies_KeepsThem()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();
        await (await phone.PostSmsAsync(SmsSteps.SwiggyDebit)).ReadIngestedAsync("created");

        await user.DisableSmsAsync();

        Assert.NotNull(Assert.Single(await app.SmsMessagesOfAsync(user.Id)).ProtectedBody);
    }
}
