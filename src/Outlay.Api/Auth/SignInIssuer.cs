using Outlay.Api.Users;

namespace Outlay.Api.Auth;

/// <summary>Starts a session for a user who proved who they are: a new refresh family and an access token.</summary>
public sealed class SignInIssuer(RefreshSessions sessions, TokenService tokens, SecurityEvents.SecurityEventLog events)
{
    public async Task<(AuthResult Result, IssuedRefreshToken Refresh)> SignInAsync(User user, HttpRequest request, CancellationToken cancellationToken)
    {
        var refresh = await sessions.StartAsync(user.Id, UserAgentOf(request), cancellationToken);
        await events.RecordAsync(user.Id, SecurityEvents.SecurityEventKinds.SignedIn, cancellationToken: cancellationToken);
        return (Result(user, refresh.FamilyId), refresh);
    }

    public AuthResult Result(User user, Guid sessionId)
    {
        var access = tokens.IssueAccessToken(user, sessionId);
        return new AuthResult(access.Token, "Bearer", access.ExpiresInSeconds, AuthUser.From(user));
    }

    public static string? UserAgentOf(HttpRequest request) =>
        request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
}
