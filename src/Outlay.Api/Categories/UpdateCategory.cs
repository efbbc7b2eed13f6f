using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Expenses;

namespace Outlay.Api.Categories;

public sealed record UpdateCategoryRequest(
    [property: StringLength(40, MinimumLength = 1)] string? Name,
    [property: RegularExpression("^#[0-9a-fA-F]{6}$")] string? Color,
    [property: StringLength(32), RegularExpression("^[a-z0-9-]+$")] string? Icon);

public static class UpdateCategory
{
    public static async Task<Results<Ok<CategoryResponse>, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id, UpdateCategoryRequest request, CurrentUser me, OutlayDbContext db, ExpenseCache cache, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id && c.UserId == me.Id, cancellationToken);
        if (category is null)
        {
            return TypedResults.NotFound();
        }

        if (request.Name is { } name)
        {
            if (name.Trim().Length == 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name is required."] });
            }

            category.Name = name.Trim();
            category.NormalizedName = Category.Normalize(name);
        }

        category.Color = request.Color?.ToLowerInvariant() ?? category.Color;
        category.Icon = request.Icon ?? category.Icon;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return CreateCategory.NameTaken(category.Name);
        }

        // Reports show category names.
        await cache.ChangedAsync(me.Id, cancellationToken);
        return TypedResults.Ok(CategoryResponse.From(category));
    }
}
