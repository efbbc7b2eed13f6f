using Outlay.Api.Auth;

namespace Outlay.Api.Notifications;

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.User);
        notifications.MapGet("/", ListNotifications.HandleAsync).WithName("ListNotifications")
            .WithSummary("The user's notifications, newest first, in keyset pages, with the unread count; unread=true lists unread ones only.");
        notifications.MapPost("/{id:guid}/read", MarkNotificationsRead.OneAsync).WithName("MarkNotificationRead");
        notifications.MapPost("/read-all", MarkNotificationsRead.AllAsync).WithName("MarkAllNotificationsRead");
        notifications.MapGet("/stream", StreamNotifications.HandleAsync).WithName("StreamNotifications")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithSummary("Server-Sent Events: a `notification` event for each new notification, whichever instance created it.");
        return api;
    }
}
