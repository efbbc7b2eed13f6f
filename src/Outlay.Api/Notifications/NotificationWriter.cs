using System.Text.Json;
using Outlay.Api.Data;

namespace Outlay.Api.Notifications;

/// <summary>
/// How a trigger tells a user something: the notification and its phone deliveries go into the caller's unit of
/// work (saved together, or not at all), and once the caller has saved, the user's open apps hear of it.
/// </summary>
public sealed class NotificationWriter(NotificationOutbox outbox, NotificationStream stream, TimeProvider clock)
{
    public async Task<Notification> AddAsync(
        OutlayDbContext db, Guid userId, string timeZone, NotificationText text, string? onceKey, CancellationToken cancellationToken)
    {
        var notification = new Notification
        {
            UserId = userId,
            Kind = text.Kind,
            Title = text.Title,
            Message = text.Message,
            DataJson = JsonSerializer.Serialize(text.Data, JsonSerializerOptions.Web),
            OnceKey = onceKey,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(notification);
        await outbox.AddDeliveriesAsync(db, notification, timeZone, cancellationToken);
        return notification;
    }

    public Task PublishAsync(Notification saved) => stream.PublishAsync(saved.UserId, NotificationResponse.From(saved));
}

/// <summary>What a notification says: its kind, words and the facts behind them (serialised as its <c>data</c>).</summary>
public sealed record NotificationText(string Kind, string Title, string Message, object Data);
