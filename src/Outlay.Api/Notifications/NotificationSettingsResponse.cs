using System.Text.Json;

namespace Outlay.Api.Notifications;

public sealed record PhoneChannelResponse(bool Enabled, string? Phone, bool Verified);

/// <summary>Local times in the user's time zone, <c>HH:mm</c>; a message due inside them waits until they end.</summary>
public sealed record QuietHoursResponse(string From, string To);

/// <summary>The local time (<c>HH:mm</c>) of the daily reminder, or null for none.</summary>
public sealed record RemindersResponse(string? Daily);

/// <summary>The user's notification settings; <c>available</c> lists the channels this server can deliver on.</summary>
public sealed record NotificationSettingsResponse(
    IReadOnlyDictionary<string, PhoneChannelResponse> Channels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Kinds,
    RemindersResponse Reminders,
    QuietHoursResponse? QuietHours,
    IReadOnlyList<string> Available)
{
    public static NotificationSettingsResponse From(NotificationPreferences? preferences, IReadOnlyList<string> available)
    {
        preferences ??= new NotificationPreferences();
        var chosen = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(preferences.KindsJson) ?? [];
        return new(
            new Dictionary<string, PhoneChannelResponse>
            {
                [NotificationChannels.Sms] = new(preferences.SmsEnabled, preferences.SmsPhone, preferences.SmsPhone is not null),
                [NotificationChannels.WhatsApp] = new(preferences.WhatsAppEnabled, preferences.WhatsAppPhone, preferences.WhatsAppPhone is not null),
            },
            NotificationKinds.Routable.ToDictionary(kind => kind, kind => (IReadOnlyList<string>)(chosen.GetValueOrDefault(kind) ?? [NotificationChannels.InApp])),
            new RemindersResponse(LocalTimes.Format(preferences.DailyReminderAt)),
            preferences is { QuietFrom: { } from, QuietTo: { } to } ? new QuietHoursResponse(LocalTimes.Format(from)!, LocalTimes.Format(to)!) : null,
            available);
    }
}
