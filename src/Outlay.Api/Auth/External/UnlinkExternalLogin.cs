using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Auth.External;

public static class UnlinkExternalLogin
{
    /// <summary>Refused when the link is the account's last way in (no password, no other provider).</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        string provider, CurrentUser me, OutlayDbContext db, CancellationToken cancellationToken)
    {
        var name = provider.ToLowerInvariant();
        var links = await db.ExternalLogins.Where(l => l.UserId == me.Id).ToListAsync(cancellationToken);
        if (links.FirstOrDefault(l => l.Provider == name) is not { } link)
        {
            return TypedResults.NotFound();
        }

        var hasPassword = await db.Users.AnyAsync(u => u.Id == me.Id && u.PasswordHash != null, cancellationToken);
        if (!hasPassword && links.Count == 1)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "This provider is the only way to sign in to this account.",
                detail: "Link another provider before removing this one.");
        }

        db.ExternalLogins.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
