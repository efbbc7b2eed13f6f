using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Users;

public sealed record ChangePasswordRequest(
    [property: Required, StringLength(1024)] string CurrentPassword,
    [property: Required, StringLength(1024)] string NewPassword);

public static class ChangePassword
{
    /// <summary>
    /// Other sessions are revoked and every access token issued so far stops working (a new security
    /// stamp); the calling session keeps its refresh token, so one refresh continues it.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        ChangePasswordRequest request,
        HttpContext http,
        CurrentUser me,
        OutlayDbContext db,
        PasswordHasher hasher,
        PasswordPolicy policy,
        PasswordRecheck recheck,
        RefreshSessions sessions,
        UserSecurityStamps stamps,
        Auth.SecurityEvents.SecurityEventLog events,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me.Id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var recheckOutcome = await recheck.VerifyAsync(user, request.CurrentPassword, cancellationToken);
        if (recheckOutcome is PasswordSignInOutcome.BadCredentials)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }

        if (recheckOutcome is not PasswordSignInOutcome.Success)
        {
            return TypedResults.Problem(recheckOutcome.ToProblem(http.Response));
        }

        if (policy.Check(request.NewPassword, user.Email, user.DisplayName) is { } weakness)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [weakness] });
        }

        user.PasswordHash = await hasher.HashAsync(request.NewPassword, cancellationToken);
        user.SecurityStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, exceptFamilyId: me.SessionId, cancellationToken);
        await stamps.ForgetAsync(user.Id, cancellationToken);
        await events.RecordAsync(user.Id, Auth.SecurityEvents.SecurityEventKinds.PasswordChanged, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}
