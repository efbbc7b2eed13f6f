namespace Outlay.Api.Sms;

/// <summary>
/// A user's SMS settings. <c>DeletesBodiesOnDisable</c> is the operator's choice (<c>Outlay:Sms:DeleteBodiesOnDisable</c>),
/// so that a client never promises that turning ingestion off deletes the stored texts when this server keeps them.
/// </summary>
public sealed record SmsSettingsResponse(bool Enabled, DateTimeOffset? ConsentedAt, bool KeepMessageBodies, bool DeletesBodiesOnDisable)
{
    public static SmsSettingsResponse From(SmsSettings settings, SmsOptions options) =>
        new(settings.IsEnabled, settings.ConsentedAt, settings.KeepMessageBodies, options.DeleteBodiesOnDisable);
}
