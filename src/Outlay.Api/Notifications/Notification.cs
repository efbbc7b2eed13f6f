namespace Outlay.Api.Notifications;

/// <summary>One item of a user's feed. What it says is written when it is created, in the user's currency and words.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    /// <summary>One of <see cref="NotificationKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Message { get; set; }

    /// <summary>The facts behind the message as a JSON object, for clients that link or format them.</summary>
    public required string DataJson { get; set; }

    /// <summary>
    /// What makes it one of a kind for its user ("unusualExpense:{expense id}"), unique per user, so a trigger that
    /// runs twice (two instances, a retried write) tells of it once; null for notifications that need no key.
    /// </summary>
    public string? OnceKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
