using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Auth;

public static class LogOut
{
    /// <summary>
    /// Ends the cookie's session, its access tokens included. Needs no access token (it may have expired) and
    /// always succeeds.
    /// </summary>
    public static async Task<NoContent> HandleAsync(HttpContext http, RefreshSessions sessions, SecurityEvents.SecurityEventLog events, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(RefreshCookie.Read(http.Request), cancellationToken) is { } token)
        {
            await sessions.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            await events.RecordAsync(token.UserId, SecurityEvents.SecurityEventKinds.SignedOut, cancellationToken: cancellationToken);
        }

        RefreshCookie.Expire(http.Response);
        return TypedResults.NoContent();
    }
}
