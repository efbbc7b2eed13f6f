using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Users;

public sealed record RedeemAdminBootstrapRequest([property: StringLength(256)] string? Token);

public static class RedeemAdminBootstrap
{
    /// <summary>
    /// Makes the caller admin with the token from the log. One conditional UPDATE claims the token, so of two
    /// callers at once exactly one wins. Answers a new access token that carries the role, for the same session.
    /// </summary>
    public static async Task<Results<Ok<AuthResult>, ValidationProblem, NotFound>> HandleAsync(
        RedeemAdminBootstrapRequest request,
        CurrentUser me,
        OutlayDbContext db,
        SignInIssuer issuer,
        UserSecurityStamps stamps,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = OpaqueTokens.TryHash(request.Token, out var hash)
            && await db.AdminBootstrapTokens
                .Where(t => t.TokenHash == hash && t.RedeemedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RedeemedAt, now).SetProperty(t => t.RedeemedBy, me.Id), cancellationToken) == 1;
        if (!claimed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["token"] = ["The bootstrap token is wrong or was already used."],
            });
        }

        await db.AdminBootstrapTokens.Where(t => t.RedeemedAt == null).ExecuteDeleteAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me.Id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        user.Role = Roles.Admin;
        user.SecurityStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        await stamps.ForgetAsync(user.Id, cancellationToken);
        return TypedResults.Ok(issuer.Result(user, me.SessionId ?? Guid.Empty));
    }
}
