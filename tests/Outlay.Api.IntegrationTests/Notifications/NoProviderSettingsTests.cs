using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>A server with no SMS or WhatsApp provider: the feed still works, the phone channels say they cannot.</summary>
public sealed class NoProviderSettingsTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Settings_WithoutProviders_OfferTheFeedOnlyAndRefuseVerification()
    {
        var user = await app.RegisterUserAsync();

        var settings = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notification-settings");
        var verification = await user.Client.PostAsJsonAsync("/api/v1/me/notification-settings/verification", new { channel = "sms", phone = "+14155552671" });

        Assert.Equal(["inApp"], settings.GetProperty("available").EnumerateArray().Select(c => c.GetString()));
        await verification.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Settings_WithoutSigningIn_Return401()
    {
        await (await app.CreateClient().GetAsync("/api/v1/me/notification-settings")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
