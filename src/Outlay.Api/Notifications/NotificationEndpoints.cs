using Microsoft.AspNetCore.Mvc;
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

        var settings = api.MapGroup("/me/notification-settings").WithTags("Notifications").RequireAuthorization(Policies.User);
        settings.MapGet("/", GetNotificationSettings.HandleAsync).WithName("GetNotificationSettings")
            .WithSummary("Channels (with verified phone numbers), which kinds go where, the daily reminder time, quiet hours, and the channels this server can deliver on.");
        settings.MapPut("/", UpdateNotificationSettings.HandleAsync).WithName("UpdateNotificationSettings")
            .WithSummary("Replaces the settings; enabling a phone channel needs a verified number (409 otherwise).");
        settings.MapPost("/verification", StartPhoneVerification.HandleAsync).WithName("StartPhoneVerification")
            .WithSummary("Sends a six-digit code to the number over the channel (202).");
        settings.MapPost("/verification/confirm", ConfirmPhoneVerification.HandleAsync).WithName("ConfirmPhoneVerification")
            .WithSummary("Confirms the code: the number is verified for that channel.");

        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        webhooks.MapPost("/twilio/status", ReceiveTwilioStatus.HandleAsync).WithName("ReceiveTwilioStatus").DisableAntiforgery()
            .WithSummary("Twilio's message status callback (form-encoded, X-Twilio-Signature checked).");
        webhooks.MapPost("/twilio/inbound", ReceiveTwilioInbound.HandleAsync).WithName("ReceiveTwilioInbound").DisableAntiforgery()
            .WithSummary("Messages people send to Outlay's Twilio number (X-Twilio-Signature checked): STOP and the other opt-out words turn that channel off.");
        webhooks.MapGet("/whatsapp", VerifyWhatsAppWebhook.Handle).WithName("VerifyWhatsAppWebhook")
            .WithSummary("Meta's webhook handshake: echoes hub.challenge when hub.verify_token is the configured one (403 otherwise).");
        webhooks.MapPost("/whatsapp", ReceiveWhatsAppEvents.HandleAsync).WithName("ReceiveWhatsAppEvents").DisableAntiforgery()
            .Accepts<object>("application/json").WithMetadata(new RequestSizeLimitAttribute(ReceiveWhatsAppEvents.MaxBodyBytes))
            .WithSummary("Meta's WhatsApp events (X-Hub-Signature-256 checked on the raw body): message statuses move deliveries on; incoming messages are acknowledged.");
        return api;
    }
}
