namespace Outlay.Api.Auth.SecurityEvents;

public static class SecurityEventEndpoints
{
    public static IEndpointRouteBuilder MapSecurityEventEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/security-events", ListSecurityEvents.MineAsync).WithName("ListMySecurityEvents").WithTags("Users")
            .RequireAuthorization(Policies.User)
            .WithSummary("The person's own sign-ins, failures, lock-outs and session and account changes, newest first.");
        api.MapGet("/admin/security-events", ListSecurityEvents.AnyoneAsync).WithName("ListSecurityEvents").WithTags("Administration")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Every account's security events (or one user's with userId), newest first.");
        return api;
    }
}
