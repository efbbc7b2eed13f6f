using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Meta's handshake when the webhook is registered: it sends the verify token the operator entered there and a
/// challenge, and expects the challenge back. Anything else is a 403, so the URL tells a stranger nothing.
/// </summary>
public static class VerifyWhatsAppWebhook
{
    public static Results<ContentHttpResult, StatusCodeHttpResult> Handle(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        IOptions<MetaOptions> meta)
    {
        var expected = meta.Value.VerifyToken;
        return mode == "subscribe" && !string.IsNullOrEmpty(challenge) && !string.IsNullOrEmpty(expected) && verifyToken is not null
            // Hashed first so that the comparison takes as long whatever the lengths.
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(verifyToken)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)))
            ? TypedResults.Text(challenge, "text/plain")
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }
}
