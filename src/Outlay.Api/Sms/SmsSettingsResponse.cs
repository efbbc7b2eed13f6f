namespace Outlay.Api.Sms;

public sealed record SmsSettingsResponse(bool Enabled, DateTimeOffset? ConsentedAt, bool KeepMessageBodies)
{
    public static SmsSettingsResponse From(SmsSettings settings) => new(settings.IsEnabled, settings.ConsentedAt, settings.KeepMessageBodies);
}
