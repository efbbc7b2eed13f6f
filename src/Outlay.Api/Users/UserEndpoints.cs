using Outlay.Api.Auth;

namespace Outlay.Api.Users;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("User").RequireAuthorization(Policies.User);
        me.MapGet("/", GetMe.HandleAsync).WithName("GetMe");
        me.MapPatch("/", UpdateMe.HandleAsync).WithName("UpdateMe");
        me.MapPost("/password", ChangePassword.HandleAsync).WithName("ChangePassword");
        me.MapGet("/export", ExportAccount.HandleAsync).WithName("ExportAccount");
        me.MapDelete("/", DeleteAccount.HandleAsync).WithName("DeleteAccount");

        var admin = api.MapGroup("/admin/users").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", AdminUsers.ListAsync).WithName("AdminListUsers");
        admin.MapGet("/{id:guid}", AdminUsers.GetAsync).WithName("AdminGetUser");
        admin.MapPatch("/{id:guid}", AdminUsers.UpdateAsync).WithName("AdminUpdateUser");
        admin.MapDelete("/{id:guid}", AdminUsers.DeleteAsync).WithName("AdminDeleteUser");

        // Signed in, not admin: this is how the first admin comes to be.
        api.MapPost("/admin/bootstrap", RedeemAdminBootstrap.HandleAsync).WithName("RedeemAdminBootstrap").WithTags("Administration")
            .RequireAuthorization(Policies.User)
            .WithSummary("Become the first admin with the one-time token from the server log.");
        return api;
    }
}
