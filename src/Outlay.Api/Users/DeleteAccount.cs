using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Users;

public sealed record DeleteAccountRequest(string? Password);

public static class DeleteAccount
{
    /// <summary>Deletes the user and, by cascade, every record they own. Accounts with a password must confirm it.</summary>
    public static async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        CurrentUser me,
        OutlayDbContext db,
        PasswordRecheck recheck,
        UserSecurityStamps stamps,
        CancellationToken cancellationToken)
    {
        var request = http.Request.ContentLength is > 0 || http.Request.HasJsonContentType()
            ? await http.Request.ReadFromJsonAsync<DeleteAccountRequest>(cancellationToken)
            : null;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me.Id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var recheckOutcome = user.PasswordHash is null ? null : await recheck.VerifyAsync(user, request?.Password, cancellationToken);
        if (recheckOutcome is PasswordSignInOutcome.BadCredentials)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["Confirm with your current password."] });
        }

        if (recheckOutcome is not (null or PasswordSignInOutcome.Success))
        {
            return TypedResults.Problem(recheckOutcome.ToProblem(http.Response));
        }

        await AccountRemoval.RemoveAsync(db, user.Id, cancellationToken);
        await stamps.ForgetAsync(user.Id, cancellationToken);
        RefreshCookie.Expire(http.Response);
        return TypedResults.NoContent();
    }
}
