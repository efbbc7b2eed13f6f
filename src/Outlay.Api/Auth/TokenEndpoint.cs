using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Auth;

/// <summary>RFC 6749 §5.1 successful token response.</summary>
public sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken);

/// <summary>RFC 6749 §5.2 error response.</summary>
public sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

/// <summary>
/// The OAuth 2.0 token endpoint for native and command-line clients: the resource-owner password grant
/// and the refresh-token grant. Refresh tokens are returned in the body here, never to browsers.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<Results<Ok<OAuthTokenResponse>, BadRequest<OAuthErrorResponse>, JsonHttpResult<OAuthErrorResponse>>> HandleAsync(
        HttpContext http,
        PasswordSignIn passwords,
        RefreshSessions sessions,
        SignInIssuer issuer,
        CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        switch (form["grant_type"].ToString())
        {
            case "password":
                var outcome = await passwords.VerifyAsync(form["username"], form["password"], cancellationToken);
                if (outcome is PasswordSignInOutcome.Success success)
                {
                    var (result, refresh) = await issuer.SignInAsync(success.User, http.Request, cancellationToken);
                    return Token(result, refresh);
                }

                if (outcome is PasswordSignInOutcome.LockedOut or PasswordSignInOutcome.Throttled)
                {
                    var problem = outcome.ToProblem(http.Response);
                    return TypedResults.Json(new OAuthErrorResponse("invalid_grant", problem.Title!), statusCode: problem.Status);
                }

                return Error("invalid_grant", outcome is PasswordSignInOutcome.Disabled ? "The account is disabled." : "Invalid username or password.");

            case "refresh_token":
                var presented = form["refresh_token"].ToString();
                if (presented.Length == 0)
                {
                    return Error("invalid_request", "refresh_token is required.");
                }

                var rotation = await sessions.RotateAsync(presented, SignInIssuer.UserAgentOf(http.Request), cancellationToken);
                return rotation is RefreshOutcome.Rotated rotated
                    ? Token(issuer.Result(rotated.User, rotated.Successor.FamilyId), rotated.Successor)
                    : Error("invalid_grant", "The refresh token is invalid, expired or revoked.");

            case "":
                return Error("invalid_request", "grant_type is required.");

            default:
                return Error("unsupported_grant_type", "Supported grant types: password, refresh_token.");
        }
    }

    private static Ok<OAuthTokenResponse> Token(AuthResult result, IssuedRefreshToken refresh) =>
        TypedResults.Ok(new OAuthTokenResponse(result.AccessToken, "Bearer", result.ExpiresIn, refresh.Token));

    private static BadRequest<OAuthErrorResponse> Error(string error, string description) =>
        TypedResults.BadRequest(new OAuthErrorResponse(error, description));
}
