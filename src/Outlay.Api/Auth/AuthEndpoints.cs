namespace Outlay.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/signup", SignUp.HandleAsync).WithName("SignUp").AllowAnonymous().RequireRateLimiting(AuthSetup.SignupLimit)
            .WithSummary("Create an account; answers the access token and sets the refresh cookie.");
        auth.MapPost("/login", LogIn.HandleAsync).WithName("LogIn").AllowAnonymous().RequireRateLimiting(AuthSetup.LoginLimit)
            .WithSummary("Sign in with email and password.");
        auth.MapPost("/refresh", Refresh.HandleAsync).WithName("Refresh").AllowAnonymous().RequireRateLimiting(AuthSetup.RefreshLimit)
            .AddEndpointFilter<CookieRequestOrigin>()
            .WithSummary("Exchange the refresh cookie for a new access token and a new cookie.");
        auth.MapPost("/logout", LogOut.HandleAsync).WithName("LogOut").AllowAnonymous()
            .AddEndpointFilter<CookieRequestOrigin>()
            .WithSummary("End the session of the refresh cookie.");
        auth.MapPost("/logout-all", LogOutEverywhere.HandleAsync).WithName("LogOutEverywhere").RequireAuthorization(Policies.User)
            .WithSummary("End every session of the user and invalidate every access token.");
        auth.MapGet("/sessions", Sessions.ListAsync).WithName("ListSessions").RequireAuthorization(Policies.User);
        auth.MapDelete("/sessions/{id:guid}", Sessions.RevokeAsync).WithName("RevokeSession").RequireAuthorization(Policies.User);

        api.MapPost("/oauth/token", TokenEndpoint.HandleAsync).WithName("OAuthToken").WithTags("Authentication").AllowAnonymous()
            .RequireRateLimiting(AuthSetup.TokenLimit).DisableAntiforgery()
            .WithSummary("RFC 6749 token endpoint (password and refresh_token grants) for native clients.");
        return api;
    }

    public static void MapJwks(this IEndpointRouteBuilder app) =>
        app.MapGet("/.well-known/jwks.json", Jwks.Handle).WithName("Jwks").WithTags("Authentication").AllowAnonymous();
}
