using Microsoft.AspNetCore.Hosting;
using Outlay.Api.IntegrationTests.Budgets;

namespace Outlay.Api.IntegrationTests.Notifications;

/// <summary>The app with SMS and WhatsApp through a <see cref="FakeTwilio"/>, and "now" pinned.</summary>
public sealed class TwilioAppFactory : PinnedClockAppFactory
{
    public const string SmsFrom = "+15005550006";
    public const string WhatsAppFrom = "+14155238886";
    public const string PublicBaseUrl = "https://outlay.test";

    public FakeTwilio Twilio { get; } = new();

    public override async Task InitializeAsync()
    {
        await Twilio.StartAsync();
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outlay:Notifications:Twilio:BaseUrl"] = Twilio.BaseUrl,
        ["Outlay:Notifications:Twilio:AccountSid"] = FakeTwilio.AccountSid,
        ["Outlay:Notifications:Twilio:AuthToken"] = FakeTwilio.AuthToken,
        ["Outlay:Notifications:Twilio:SmsFrom"] = SmsFrom,
        ["Outlay:Notifications:Twilio:WhatsAppFrom"] = WhatsAppFrom,
        ["Outlay:Notifications:WhatsAppProvider"] = "Twilio",
        ["Outlay:Notifications:PublicBaseUrl"] = PublicBaseUrl,
        ["Outlay:Notifications:VerificationResendSeconds"] = "0",
        // Every instance looks for messages ten times a second, and a failed send is tried again at once
        // ("now" is pinned, so a pause would never end).
        ["Outlay:Notifications:DispatchIntervalMilliseconds"] = "100",
        ["Outlay:Notifications:RetryFirstDelaySeconds"] = "0",
        ["Outlay:Notifications:ProviderRetryDelayMilliseconds"] = "10",
        // Only the pinned hosts send: the sign-up host's real clock would find a message held back by quiet
        // hours (in pinned time) long due.
        ["Outlay:Notifications:DispatchEnabled"] = "false",
    };

    protected override void ConfigurePinnedHost(IWebHostBuilder builder) => builder.UseSetting("Outlay:Notifications:DispatchEnabled", "true");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
