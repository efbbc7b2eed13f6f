using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.IntegrationTests.Settings;

namespace Outlay.Api.IntegrationTests.Notifications;

public sealed class NotificationSettingsTests : IClassFixture<TwilioAppFactory>
{
    private const string Settings = NotificationSteps.Settings;
    private const string Phone = "+14155552671";
    private readonly TwilioAppFactory app;

    public NotificationSettingsTests(TwilioAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Channel_SwitchedOffByAnAdminAtRunTime_IsNoLongerAvailable()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        try
        {
            await admin.PatchOkAsync(new { notificationChannels = new { sms = false } });

            var settings = await user.Client.GetFromJsonAsync<JsonElement>(Settings);
            Assert.Equal(["inApp", "whatsapp"], settings.GetProperty("available").EnumerateArray().Select(c => c.GetString()));
        }
        finally
        {
            await admin.PatchOkAsync(new { notificationChannels = new { sms = true } });
        }

        var restored = await user.Client.GetFromJsonAsync<JsonElement>(Settings);
        Assert.Contains("sms", restored.GetProperty("available").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Get_ForANewUser_IsTheFeedOnlyAndListsWhatThisServerCanDeliver()
    {
        var user = await app.UserAsync();

        var settings = await user.Client.GetFromJsonAsync<JsonElement>(Settings);

        var sms = settings.GetProperty("channels").GetProperty("sms");
        Assert.False(sms.GetProperty("enabled").GetBoolean());
        Assert.False(sms.GetProperty("verified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sms.GetProperty("phone").ValueKind);
        Assert.Equal(["inApp"], settings.GetProperty("kinds").GetProperty("budgetThreshold").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("reminders").GetProperty("daily").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("quietHours").ValueKind);
        Assert.Equal(["inApp", "sms", "whatsapp"], settings.GetProperty("available").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Verification_SendsASixDigitCodeThroughTwilio_AndTheCodeVerifiesTheNumber()
    {
        var user = await app.UserAsync();

        var started = await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone = "+1 415 555 2671" });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var sent = app.Twilio.Messages.Last(m => m.To == Phone);
        Assert.Equal(TwilioAppFactory.SmsFrom, sent.From);
        var code = SmsUsers.SixDigits().Match(sent.Body).Value;
        var confirmed = await user.Client.PostAsJsonAsync($"{Settings}/verification/confirm", new { channel = "sms", code });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var sms = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("channels").GetProperty("sms");
        Assert.True(sms.GetProperty("verified").GetBoolean());
        Assert.Equal(Phone, sms.GetProperty("phone").GetString());
        Assert.False(sms.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Verification_OverWhatsApp_GoesToTheTwilioWhatsAppSender()
    {
        var user = await app.UserAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "whatsapp", phone = "+919876543210" })).StatusCode);

        var sent = app.Twilio.Messages.Last(m => m.To == "whatsapp:+919876543210");
        Assert.Equal($"whatsapp:{TwilioAppFactory.WhatsAppFrom}", sent.From);
    }

    [Fact]
    public async Task Confirm_WithWrongCodes_CountsThemAndStopsAfterTheLimit()
    {
        var user = await app.UserAsync();
        await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone = Phone });
        var code = SmsUsers.SixDigits().Match(app.Twilio.Messages.Last(m => m.To == Phone).Body).Value;
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            var problem = await (await user.Client.PostAsJsonAsync($"{Settings}/verification/confirm", new { channel = "sms", code = wrong })).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        }

        await (await user.Client.PostAsJsonAsync($"{Settings}/verification/confirm", new { channel = "sms", code })).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False((await user.Client.GetFromJsonAsync<JsonElement>(Settings)).GetProperty("channels").GetProperty("sms").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Confirm_AfterTheCodeExpired_AsksForANewOne()
    {
        var user = await app.UserAsync();
        await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone = Phone });
        var code = SmsUsers.SixDigits().Match(app.Twilio.Messages.Last(m => m.To == Phone).Body).Value;

        app.PinClock(PinnedClockAppFactory.DefaultNow.AddMinutes(11));
        var response = await user.Client.PostAsJsonAsync($"{Settings}/verification/confirm", new { channel = "sms", code });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("expired", problem.GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Theory]
    [InlineData("5551234567")]
    [InlineData("+1 555 12")]
    [InlineData("not a number")]
    public async Task Verification_OfANumberThatIsNotInternational_IsAValidationProblemAndSendsNothing(string phone)
    {
        var user = await app.UserAsync();
        var before = app.Twilio.Messages.Count;

        var problem = await (await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(before, app.Twilio.Messages.Count);
    }

    [Fact]
    public async Task Verification_OfANumberTwilioRefuses_SaysSoOnThePhoneField()
    {
        var user = await app.UserAsync();

        var problem = await (await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone = FakeTwilio.InvalidNumber })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("cannot deliver", problem.GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    [Fact]
    public async Task Verification_WhileTwilioIsDown_Returns503AndStoresNoCode()
    {
        var user = await app.UserAsync();
        // The send and its two quick retries.
        app.Twilio.FailNext(3);

        await (await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone = Phone })).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        await (await user.Client.PostAsJsonAsync($"{Settings}/verification/confirm", new { channel = "sms", code = "123456" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_EnablingSmsBeforeTheNumberIsVerified_Returns409AndChangesNothing()
    {
        var user = await app.UserAsync();

        await (await user.Client.PutAsJsonAsync(Settings, new { channels = new { sms = new { enabled = true } } })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.False((await user.Client.GetFromJsonAsync<JsonElement>(Settings)).GetProperty("channels").GetProperty("sms").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Put_AfterVerifying_EnablesTheChannelAndStoresKindsReminderAndQuietHours()
    {
        var user = await app.UserAsync();
        await user.Client.PostAsJsonAsync($"{Settings}/verification", new { channel = "sms", phone = Phone });
        var code = SmsUsers.SixDigits().Match(app.Twilio.Messages.Last(m => m.To == Phone).Body).Value;
        await user.Client.PostAsJsonAsync($"{Settings}/verification/confirm", new { channel = "sms", code });

        var response = await user.Client.PutAsJsonAsync(Settings, new
        {
            channels = new { sms = new { enabled = true } },
            kinds = new { budgetThreshold = new[] { "sms" } },
            reminders = new { daily = "20:00" },
            quietHours = new { from = "22:00", to = "07:00" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = await user.Client.GetFromJsonAsync<JsonElement>(Settings);
        Assert.True(settings.GetProperty("channels").GetProperty("sms").GetProperty("enabled").GetBoolean());
        Assert.Equal(["inApp", "sms"], settings.GetProperty("kinds").GetProperty("budgetThreshold").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["inApp"], settings.GetProperty("kinds").GetProperty("budgetRisk").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("20:00", settings.GetProperty("reminders").GetProperty("daily").GetString());
        Assert.Equal("22:00", settings.GetProperty("quietHours").GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("{\"kinds\":{\"birthday\":[\"inApp\"]}}", "kinds.birthday")]
    [InlineData("{\"kinds\":{\"budgetRisk\":[\"pigeon\"]}}", "kinds.budgetRisk")]
    [InlineData("{\"reminders\":{\"daily\":\"8pm\"}}", "reminders.daily")]
    [InlineData("{\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\"}}", "quietHours")]
    public async Task Put_WithAnInvalidValue_ReturnsValidationProblemNamingIt(string body, string field)
    {
        var user = await app.UserAsync();

        var response = await user.Client.PutAsync(Settings, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

}
