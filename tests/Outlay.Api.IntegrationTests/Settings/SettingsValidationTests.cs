using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Settings;

/// <summary>Access, defaults and refusals: nothing in this class changes a setting, so the defaults hold throughout.</summary>
public sealed class SettingsValidationTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task SettingsAndAudit_ForAPlainUser_Return403Problem()
    {
        var user = await app.RegisterUserAsync();

        await (await user.Client.GetAsync(SettingsSteps.Path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.Client.PatchAsJsonAsync(SettingsSteps.Path, new { signupsEnabled = false })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.Client.GetAsync("/api/v1/admin/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync(SettingsSteps.Path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetSettings_BeforeAnyChange_ReturnsTheStaticDefaults()
    {
        var admin = await app.RegisterAdminAsync();

        var settings = await admin.GetSettingsAsync();

        Assert.True(settings.GetProperty("signupsEnabled").GetBoolean());
        Assert.Equal(15, settings.GetProperty("accessTokenMinutes").GetInt32());
        Assert.Equal(30, settings.GetProperty("refreshTokenDays").GetInt32());
        Assert.Equal(4, settings.GetProperty("bcryptCost").GetInt32()); // the test factory's configured value
        Assert.Equal(100000, settings.GetProperty("loginRateLimit").GetInt32());
        Assert.Equal(12, settings.GetProperty("defaultCategories").GetArrayLength());
        Assert.Equal("Food & Dining", settings.GetProperty("defaultCategories")[0].GetProperty("name").GetString());
        Assert.Equal([50, 80, 100], settings.GetProperty("budgetAlertThresholds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0, settings.GetProperty("smsTemplates").GetArrayLength());
        Assert.Equal(0, settings.GetProperty("categoryRules").GetArrayLength());
        Assert.True(settings.GetProperty("notificationChannels").GetProperty("sms").GetBoolean());
        Assert.True(settings.GetProperty("notificationChannels").GetProperty("whatsapp").GetBoolean());
        Assert.Equal(30, settings.GetProperty("insights").GetProperty("categorySpikePercent").GetInt32());
    }

    public static TheoryData<string, string> InvalidPatches => new()
    {
        { """{"accessTokenMinutes": 0}""", "accessTokenMinutes" },
        { """{"accessTokenMinutes": 1441}""", "accessTokenMinutes" },
        { """{"accessTokenMinutes": "abc"}""", "accessTokenMinutes" },
        { """{"accessTokenMinutes": 1.5}""", "accessTokenMinutes" },
        { """{"refreshTokenDays": 366}""", "refreshTokenDays" },
        { """{"bcryptCost": 3}""", "bcryptCost" },
        { """{"bcryptCost": 21}""", "bcryptCost" },
        { """{"loginRateLimit": 0}""", "loginRateLimit" },
        { """{"signupsEnabled": "nope"}""", "signupsEnabled" },
        { """{"defaultCategories": []}""", "defaultCategories" },
        { """{"defaultCategories": [{"name": "Food", "color": "red", "icon": "utensils"}]}""", "defaultCategories[0]" },
        { """{"defaultCategories": [{"name": "Food", "color": "#ff0000", "icon": "x"}, {"name": "food", "color": "#ff0000", "icon": "x"}]}""", "defaultCategories[1]" },
        { """{"budgetAlertThresholds": [80, 50]}""", "budgetAlertThresholds" },
        { """{"budgetAlertThresholds": [0]}""", "budgetAlertThresholds" },
        { """{"budgetAlertThresholds": {"a": 1}}""", "budgetAlertThresholds" },
        { """{"categoryRules": [{"category": "Transport", "pattern": "([a-z"}]}""", "categoryRules[0]" },
        { """{"categoryRules": [{"category": "Transport"}]}""", "categoryRules[0]" },
        { """{"smsTemplates": [{"bank": "Bad", "senderPatterns": ["(unclosed"], "country": "KE", "currency": "KES"}]}""", "smsTemplates[0]" },
        { """{"smsTemplates": [{"bank": "Bad", "senderPatterns": ["^X$"], "country": "KE", "currency": "XXQ"}]}""", "smsTemplates[0]" },
        { """{"notificationChannels": {"sms": "yes"}}""", "notificationChannels" },
        { """{"notificationChannels": {"email": true}}""", "notificationChannels" },
        { """{"insights": {"categorySpikePercent": 0}}""", "insights" },
        { """{"insights": {"noSuchThreshold": 1}}""", "insights" },
        { """{"noSuchSetting": true}""", "noSuchSetting" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task PatchSettings_WithAnInvalidValue_Returns400NamingTheKeyAndChangesNothing(string patch, string key)
    {
        var admin = await app.RegisterAdminAsync();
        var before = await admin.GetSettingsAsync();

        // A valid change next to the invalid one is not saved either.
        var body = patch[..^1] + """, "signupsEnabled": false}""";
        if (key == "signupsEnabled")
        {
            body = patch;
        }

        var response = await admin.Client.PatchAsync(SettingsSteps.Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _), problem.ToString());
        var after = await admin.GetSettingsAsync();
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Empty(await admin.AuditAsync());
    }

    [Fact]
    public async Task PatchSettings_WithoutAnObject_Returns400()
    {
        var admin = await app.RegisterAdminAsync();

        var response = await admin.Client.PatchAsync(SettingsSteps.Path, new StringContent("[1]", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Audit_WithBadPaging_ReturnsValidationProblem()
    {
        var admin = await app.RegisterAdminAsync();

        await (await admin.Client.GetAsync("/api/v1/admin/audit?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.GetAsync("/api/v1/admin/audit?cursor=nope")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
