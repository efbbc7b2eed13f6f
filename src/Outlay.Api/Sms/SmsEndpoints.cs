using Outlay.Api.Auth;

namespace Outlay.Api.Sms;

public static class SmsEndpoints
{
    // The body is read by SmsPayload rather than bound, because forwarder apps cannot be taught our field names
    // (and often send JSON as text/plain): declaring accepted content types would make routing refuse them.
    private const string BodyDescription =
        "Body: JSON {sender, body, receivedAt?} or a form post. Forwarder names are accepted too: from/phone/number/contact/address; "
        + "text/message/msg/content (required, at most 2000 characters); receivedStamp/sentStamp/timestamp/sentAt/time as epoch "
        + "milliseconds or ISO 8601; inside a payload object or a CloudEvents data object. See docs/sms-forwarding.md.";

    public static IEndpointRouteBuilder MapSmsEndpoints(this IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/me/sms-settings").WithTags("SMS").RequireAuthorization(Policies.User);
        settings.MapGet("/", GetSmsSettings.HandleAsync).WithName("GetSmsSettings")
            .WithSummary("Whether SMS ingestion is on, since when, and whether message bodies are kept (encrypted).");
        settings.MapPut("/", UpdateSmsSettings.HandleAsync).WithName("UpdateSmsSettings")
            .WithSummary("Turn SMS ingestion on (records the consent time) or off (stops at once and, unless the operator keeps them, deletes stored bodies).");

        var tokens = api.MapGroup("/sms/tokens").WithTags("SMS").RequireAuthorization(Policies.User);
        tokens.MapPost("/", CreateSmsToken.HandleAsync).WithName("CreateSmsToken")
            .WithSummary("Create an ingest token for a forwarder app. The token is shown only in this answer.");
        tokens.MapGet("/", ListSmsTokens.HandleAsync).WithName("ListSmsTokens");
        tokens.MapDelete("/{id:guid}", DeleteSmsToken.HandleAsync).WithName("DeleteSmsToken");

        var messages = api.MapGroup("/sms/messages").WithTags("SMS").RequireAuthorization(Policies.User);
        messages.MapGet("/", ListSmsMessages.HandleAsync).WithName("ListSmsMessages")
            .WithSummary("The SMS your forwarders posted, newest first: created, duplicate or ignored (with the reason), and the text while it is kept.");

        var sms = api.MapGroup("/sms").WithTags("SMS");
        sms.MapPost("/parse", ParseSms.HandleAsync).WithName("ParseSms").RequireAuthorization(Policies.User)
            .WithSummary("Parse an SMS without saving anything.").WithDescription(BodyDescription);

        // Ingest tokens only, never access tokens: see SmsIngestAuthentication.
        const string ingestSummary =
            "Ingest one SMS (ingest token only). Always 201 with status created, duplicate or ignored (credits, OTPs, promotions...); 403 without consent.";
        sms.MapPost("/", IngestSms.HandleAsync).WithName("IngestSms").RequireAuthorization(SmsIngestAuthentication.Policy)
            .WithSummary(ingestSummary).WithDescription(BodyDescription);
        sms.MapPost($"/ingest/{{{SmsIngestAuthentication.PathTokenRouteValue}}}", IngestSms.HandleAsync).WithName("IngestSmsWithPathToken")
            .RequireAuthorization(SmsIngestAuthentication.Policy)
            .WithSummary(ingestSummary + " The ingest token is the last path segment, for apps that cannot set headers.")
            .WithDescription(BodyDescription);
        return api;
    }
}
