using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Auth;

public static class Refresh
{
    public static async Task<Results<Ok<AuthResult>, ProblemHttpResult>> HandleAsync(
        HttpContext http, RefreshSessions sessions, SignInIssuer issuer, CancellationToken cancellationToken)
    {
        var outcome = await sessions.RotateAsync(RefreshCookie.Read(http.Request), SignInIssuer.UserAgentOf(http.Request), cancellationToken);
        if (outcome is not RefreshOutcome.Rotated rotated)
        {
            RefreshCookie.Expire(http.Response);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "The session has ended. Sign in again.",
                detail: outcome is RefreshOutcome.Reused ? "This refresh token was already used; the session was revoked." : null);
        }

        RefreshCookie.Write(http.Response, rotated.Successor);
        return TypedResults.Ok(issuer.Result(rotated.User, rotated.Successor.FamilyId));
    }
}
