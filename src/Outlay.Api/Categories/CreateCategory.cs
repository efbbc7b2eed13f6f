using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Categories;

public sealed record CreateCategoryRequest(
    [property: Required, StringLength(40, MinimumLength = 1)] string Name,
    [property: RegularExpression("^#[0-9a-fA-F]{6}$")] string? Color,
    [property: StringLength(32), RegularExpression("^[a-z0-9-]+$")] string? Icon);

public static class CreateCategory
{
    public static async Task<Results<Created<CategoryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateCategoryRequest request, CurrentUser me, OutlayDbContext db, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name is required."] });
        }

        var category = new Category
        {
            UserId = me.Id,
            Name = name,
            NormalizedName = Category.Normalize(name),
            Color = request.Color?.ToLowerInvariant() ?? "#64748b",
            Icon = request.Icon ?? "tag",
        };
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return NameTaken(name);
        }

        return TypedResults.Created($"/api/v1/categories/{category.Id}", CategoryResponse.From(category));
    }

    internal static ProblemHttpResult NameTaken(string name) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "You already have a category with this name.", detail: $"'{name}' is taken (names ignore case).");
}
