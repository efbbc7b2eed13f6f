using System.Net;
using System.Text.RegularExpressions;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>People who verified a number and turned SMS on, the way a client does it.</summary>
public static partial class SmsUsers
{

    /// <summary>
    /// A user on the pinned host with a verified number, SMS on, and budget thresholds going to SMS (or the kinds
    /// given), with the user's settings (time zone, currency) changed first when given.
    /// </summary>
    public static async Task<(TestUser User, string Phone)> SmsUserAsync(
        this TwilioAppFactory app, object? quietHours = null, object? kinds = null, object? reminders = null, object? userSettings = null)
    {
        var user = await app.UserAsync(userSettings);
        var phone = $"+1415555{Random.Shared.Next(1000, 9999)}";
        Assert.Equal(HttpStatusCode.Accepted, (await user.Client.PostAsJsonAsync($"{NotificationSteps.Settings}/verification", new { channel = "sms", phone })).StatusCode);
        var code = SixDigits().Match(app.Twilio.Messages.Last(m => m.To == phone).Body).Value;
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsJsonAsync($"{NotificationSteps.Settings}/verification/confirm", new { channel = "sms", code })).StatusCode);
        var put = await user.Client.PutAsJsonAsync(NotificationSteps.Settings, new
        {
            channels = new { sms = new { enabled = true } },
            kinds = kinds ?? new { budgetThreshold = new[] { "sms" } },
            reminders,
            quietHours,
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        return (user, phone);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    public static partial Regex SixDigits();
}
