namespace Outlay.Api.Categories;

public sealed class Category
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-cased name: the per-user unique key, so "Food" and "food" collide on every database.</summary>
    public required string NormalizedName { get; set; }

    public string Color { get; set; } = "#64748b";

    public string Icon { get; set; } = "tag";

    public bool IsDefault { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
