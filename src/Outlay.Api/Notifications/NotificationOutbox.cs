using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Adds a notification's phone deliveries to the caller's unit of work, so they are saved in the same transaction
/// as the notification: the channels the user chose for its kind that are enabled, verified and available here.
/// </summary>
public sealed class NotificationOutbox(PhoneMessaging messaging)
{
    public async Task AddDeliveriesAsync(OutlayDbContext db, Notification notification, string timeZone, CancellationToken cancellationToken)
    {
        var preferences = await db.Set<NotificationPreferences>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == notification.UserId, cancellationToken);
        if (preferences is null)
        {
            return;
        }

        var kinds = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(preferences.KindsJson) ?? [];
        var zone = Reports.ReportPeriod.Zone(timeZone);
        var due = preferences is { QuietFrom: { } from, QuietTo: { } to }
            ? QuietHours.NextAllowed(notification.CreatedAt, zone, from, to)
            : notification.CreatedAt;
        foreach (var channel in kinds.GetValueOrDefault(notification.Kind) ?? [])
        {
            if (preferences.IsEnabled(channel) && preferences.PhoneFor(channel) is { } phone && messaging.IsAvailable(channel))
            {
                db.Add(new NotificationDelivery
                {
                    NotificationId = notification.Id,
                    UserId = notification.UserId,
                    Channel = channel,
                    To = phone,
                    Body = $"Outlay: {notification.Title}. {notification.Message}",
                    NextAttemptAt = due,
                });
            }
        }
    }
}
