using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Notifications;

/// <summary>
/// The providers' answers that mean the person cannot or will not get messages on that number, and what follows:
/// the channel is turned off and the person is told in the feed. Sends and status events both end up here.
/// </summary>
public sealed class UnreachableChannels(NotificationStream stream)
{
    private static readonly HashSet<string> Codes =
    [
        "21610", "21612", "21614", // Twilio: replied STOP, unroutable, not SMS-capable
        "131026", // Meta: the number is not on WhatsApp or cannot receive messages
    ];

    public static bool IsSignalledBy(string? errorCode) => errorCode is not null && Codes.Contains(errorCode);

    public async Task TurnOffAsync(OutlayDbContext db, Guid userId, string channel, string? errorCode, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var preferences = db.Set<NotificationPreferences>().Where(p => p.UserId == userId);
        var changed = channel == NotificationChannels.Sms
            ? await preferences.Where(p => p.SmsEnabled).ExecuteUpdateAsync(set => set.SetProperty(p => p.SmsEnabled, false), cancellationToken)
            : await preferences.Where(p => p.WhatsAppEnabled).ExecuteUpdateAsync(set => set.SetProperty(p => p.WhatsAppEnabled, false), cancellationToken);
        if (changed == 0)
        {
            return; // already off: another delivery told them
        }

        var name = channel == NotificationChannels.Sms ? "SMS" : "WhatsApp";
        var notification = new Notification
        {
            UserId = userId,
            Kind = NotificationKinds.ChannelDisabled,
            Title = $"{name} alerts are off",
            Message = $"Your provider could not deliver to your number ({error}). Alerts stay in the app; turn {name} on again in the notification settings once the number can receive them.",
            DataJson = System.Text.Json.JsonSerializer.Serialize(new { channel, errorCode }),
            CreatedAt = now,
        };
        db.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        await stream.PublishAsync(userId, NotificationResponse.From(notification));
    }
}
