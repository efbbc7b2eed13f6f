using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;

namespace Outlay.Api.Auth.External;

public sealed record ExternalLoginResponse(string Provider, string DisplayName, DateTimeOffset CreatedAt);

public static class ListExternalLogins
{
    public static async Task<Ok<List<ExternalLoginResponse>>> HandleAsync(
        CurrentUser me, OutlayDbContext db, ExternalProviders providers, CancellationToken cancellationToken)
    {
        var links = await db.ExternalLogins.AsNoTracking()
            .Where(l => l.UserId == me.Id)
            .OrderBy(l => l.Provider)
            .Select(l => new { l.Provider, l.CreatedAt })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(links
            .Select(l => new ExternalLoginResponse(
                l.Provider, providers.TryFind(l.Provider, out var name) ? providers.DisplayNameOf(name) : l.Provider, l.CreatedAt))
            .ToList());
    }
}
