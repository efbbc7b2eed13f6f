using Outlay.Api.Auth;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Categories;

public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Categories").RequireAuthorization(Policies.User);
        categories.MapGet("/", ListCategories.HandleAsync).WithName("ListCategories");
        categories.MapPost("/", CreateCategory.HandleAsync).WithName("CreateCategory").WithMetadata(new IdempotentAttribute());
        categories.MapPatch("/{id:guid}", UpdateCategory.HandleAsync).WithName("UpdateCategory");
        categories.MapDelete("/{id:guid}", DeleteCategory.HandleAsync).WithName("DeleteCategory")
            .WithSummary("Delete a category; its expenses move to reassignTo (required when it has any).");
        return api;
    }
}
