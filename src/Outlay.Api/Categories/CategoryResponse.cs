namespace Outlay.Api.Categories;

public sealed record CategoryResponse(Guid Id, string Name, string Color, string Icon, bool IsDefault)
{
    public static CategoryResponse From(Category c) => new(c.Id, c.Name, c.Color, c.Icon, c.IsDefault);
}
