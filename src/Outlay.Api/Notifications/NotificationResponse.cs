using System.Text.Json;

namespace Outlay.Api.Notifications;

/// <summary>How a notification travelled on one channel; in-app items have none yet.</summary>
public sealed record NotificationDeliveryResponse(string Channel, string Status, string? Error, DateTimeOffset UpdatedAt);

public sealed record NotificationResponse(
    Guid Id,
    string Kind,
    string Title,
    string Message,
    JsonElement Data,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    IReadOnlyList<NotificationDeliveryResponse> Deliveries)
{
    public static NotificationResponse From(Notification notification, IEnumerable<NotificationDelivery>? deliveries = null) => new(
        notification.Id,
        notification.Kind,
        notification.Title,
        notification.Message,
        JsonSerializer.Deserialize<JsonElement>(notification.DataJson),
        notification.CreatedAt,
        notification.ReadAt,
        [.. (deliveries ?? []).OrderBy(d => d.Channel).Select(d => new NotificationDeliveryResponse(d.Channel, d.Status, d.Error, d.UpdatedAt))]);
}

/// <summary>A page of the feed plus how many items are unread in all of it.</summary>
public sealed record NotificationPageResponse(IReadOnlyList<NotificationResponse> Items, string? NextCursor, int UnreadCount);
