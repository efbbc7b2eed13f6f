using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Categories;

public static class ListCategories
{
    public static async Task<Ok<List<CategoryResponse>>> HandleAsync(CurrentUser me, OutlayDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().Where(c => c.UserId == me.Id).OrderBy(c => c.Name)
            .Select(c => new CategoryResponse(c.Id, c.Name, c.Color, c.Icon, c.IsDefault))
            .ToListAsync(cancellationToken));
}
