namespace Outlay.Api.Auth.External;

public static class ExternalAuthEndpoints
{
    /// <summary>
    /// The routes around a provider sign-in. The provider's callback itself
    /// (<c>/auth/external/{provider}/callback</c>) is answered by its OpenID Connect handler, not an endpoint.
    /// </summary>
    public static IEndpointRouteBuilder MapExternalAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication").AllowAnonymous();
        auth.MapGet("/providers", ListExternalProviders.Handle).WithName("ListExternalProviders")
            .WithSummary("The external sign-in providers this server offers.");
        auth.MapGet("/external/{provider}", StartExternalSignIn.Handle).WithName("StartExternalSignIn")
            .WithSummary("Redirect the browser to the provider to sign in.");
        auth.MapGet("/external/{provider}/complete", CompleteExternalSignIn.HandleAsync).WithName("CompleteExternalSignIn")
            .RequireRateLimiting(AuthSetup.LoginLimit)
            .WithSummary("Finish a provider sign-in or link: sets the refresh cookie (sign-in) and redirects to the web app.");

        var links = api.MapGroup("/me/external-logins").WithTags("User").RequireAuthorization(Policies.User);
        links.MapGet("/", ListExternalLogins.HandleAsync).WithName("ListExternalLogins")
            .WithSummary("The providers linked to this account.");
        links.MapPost("/{provider}/link", LinkExternalLogin.StartAsync).WithName("LinkExternalLogin")
            .WithSummary("Start linking a provider to this account: answers the provider address the browser goes to next.");
        links.MapDelete("/{provider}", UnlinkExternalLogin.HandleAsync).WithName("UnlinkExternalLogin")
            .WithSummary("Remove a provider link; refused when it is the only way to sign in.");
        return api;
    }
}
