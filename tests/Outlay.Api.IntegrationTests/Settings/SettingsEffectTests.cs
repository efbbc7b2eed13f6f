using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Insights;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Settings;

/// <summary>A PATCH takes effect at once, through the API, without a restart.</summary>
public sealed class SettingsEffectTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task SignupsDisabled_RefusesTheNextSignUpAtOnce_AndNullReEnablesThem()
    {
        var admin = await app.RegisterAdminAsync();
        try
        {
            var patched = await admin.PatchOkAsync(new { signupsEnabled = false });
            Assert.False(patched.GetProperty("signupsEnabled").GetBoolean());

            var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/signup", new { email = TestUsers.NewEmail(), password = TestUsers.StrongPassword });

            await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            var reset = await admin.Client.PatchAsync(SettingsSteps.Path, new StringContent("""{"signupsEnabled": null}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        Assert.True((await admin.GetSettingsAsync()).GetProperty("signupsEnabled").GetBoolean());
        await app.RegisterUserAsync();
    }

    [Fact]
    public async Task AccessTokenMinutes_AppliesToTheNextSignIn()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();

        await admin.PatchOkAsync(new { accessTokenMinutes = 5 });
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(300, (await login.ReadAuthAsync()).ExpiresIn);
    }

    [Fact]
    public async Task CategoryRule_SendsTheNextExpenseWithThatMerchantToTheRulesCategory()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        var before = await user.AddExpenseAsync(merchant: "Zyxwv Outfitters");
        Assert.NotEqual("Education", before.CategoryName);

        await admin.PatchOkAsync(new { categoryRules = new[] { new { category = "Education", keyword = "zyxwv" } } });
        var after = await user.AddExpenseAsync(merchant: "Zyxwv Outfitters");

        Assert.Equal("Education", after.CategoryName);
    }

    [Fact]
    public async Task DefaultCategories_AreWhatTheNextNewUserStartsWith()
    {
        var admin = await app.RegisterAdminAsync();
        var categories = new[]
        {
            new { name = "Chai", color = "#aa5500", icon = "coffee" },
            new { name = "Other", color = "#64748b", icon = "tag" },
        };

        await admin.PatchOkAsync(new { defaultCategories = categories });
        try
        {
            var user = await app.RegisterUserAsync();

            Assert.Equal(["Chai", "Other"], (await user.CategoriesAsync()).Keys.Order());
        }
        finally
        {
            await admin.Client.PatchAsync(SettingsSteps.Path, new StringContent("""{"defaultCategories": null}""", System.Text.Encoding.UTF8, "application/json"));
        }

        Assert.Equal(12, (await (await app.RegisterUserAsync()).CategoriesAsync()).Count);
    }

    [Fact]
    public async Task BudgetAlertThresholds_AreTheAlertsOfABudgetCreatedWithoutAny()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();

        await admin.PatchOkAsync(new { budgetAlertThresholds = new[] { 25, 90 } });
        var response = await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "500" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var budget = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([25, 90], budget.GetProperty("alertAt").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task SmsTemplate_IsUsedByTheParserAtOnce()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        var sms = new { sender = "ZORBNK", body = "Debit of 42.10 at CORNER CAFE from Acct ID7788 on 05/03/2026" };
        var before = await (await user.Client.PostAsJsonAsync("/api/v1/sms/parse", sms)).Content.ReadFromJsonAsync<JsonElement>();

        await admin.PatchOkAsync(new
        {
            smsTemplates = new[]
            {
                new { bank = "Zorb Bank", senderPatterns = new[] { "^ZORBNK$" }, country = "GB", currency = "GBP", amountPattern = @"\bDebit of (?<amount>\d[\d,]*\.\d{2})" },
            },
        });
        var response = await user.Client.PostAsJsonAsync("/api/v1/sms/parse", sms);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parsed");
        Assert.True(parsed.GetProperty("currency").GetString() == "GBP", $"before: {before}, after: {parsed}");
        Assert.NotEqual("GBP", before.GetProperty("parsed").TryGetProperty("currency", out var c) ? c.GetString() : null);
    }

    [Fact]
    public async Task OptionsMonitor_ReflectsAPatchAtOnce()
    {
        var admin = await app.RegisterAdminAsync();
        var auth = app.Services.GetRequiredService<IOptionsMonitor<AuthOptions>>();
        var insights = app.Services.GetRequiredService<IOptionsMonitor<InsightOptions>>();
        var changed = 0;
        using var listener = auth.OnChange(_ => Interlocked.Increment(ref changed));

        var settings = await admin.PatchOkAsync(new { refreshTokenDays = 7, bcryptCost = 5, insights = new { categorySpikePercent = 45 }, notificationChannels = new { sms = false } });

        Assert.Equal(7, auth.CurrentValue.RefreshTokenDays);
        Assert.Equal(5, auth.CurrentValue.BcryptCost);
        Assert.Equal(45, insights.CurrentValue.CategorySpikePercent);
        Assert.Equal(2, insights.CurrentValue.MinMonthsOfHistory); // merged: the other thresholds keep their values
        Assert.True(changed > 0);
        Assert.False(settings.GetProperty("notificationChannels").GetProperty("sms").GetBoolean());
        Assert.True(settings.GetProperty("notificationChannels").GetProperty("whatsapp").GetBoolean());
        Assert.Equal(45, settings.GetProperty("insights").GetProperty("categorySpikePercent").GetInt32());
    }

    [Fact]
    public async Task LoginRateLimit_LimitsSignInsPerAddressFromTheNextWindow()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        try
        {
            await admin.PatchOkAsync(new { loginRateLimit = 2 });
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
                statuses.Add(login.StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            await admin.Client.PatchAsync(SettingsSteps.Path, new StringContent("""{"loginRateLimit": null}""", System.Text.Encoding.UTF8, "application/json"));
        }

        var again = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
