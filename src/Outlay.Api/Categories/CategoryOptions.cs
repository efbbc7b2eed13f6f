namespace Outlay.Api.Categories;

/// <summary>The categories every new user starts with (section <c>Outlay:Categories</c>).</summary>
public sealed class CategoryOptions
{
    public const string SectionName = "Outlay:Categories";

    public List<DefaultCategory> Defaults { get; set; } = [];

    /// <summary>Operator rules (keyword or pattern → category name), tried before the built-in dictionary.</summary>
    public List<AutoCategorisation.CategoryRule> Rules { get; set; } = [];

    public IReadOnlyList<DefaultCategory> EffectiveDefaults => Defaults.Count > 0 ? Defaults : BuiltInDefaults;

    public static readonly IReadOnlyList<DefaultCategory> BuiltInDefaults =
    [
        new("Food & Dining", "#f97316", "utensils"),
        new("Groceries", "#22c55e", "shopping-basket"),
        new("Transport", "#3b82f6", "car"),
        new("Travel", "#06b6d4", "plane"),
        new("Shopping", "#ec4899", "shopping-bag"),
        new("Bills & Utilities", "#eab308", "receipt"),
        new("Housing", "#a855f7", "home"),
        new("Health", "#ef4444", "heart-pulse"),
        new("Entertainment", "#8b5cf6", "film"),
        new("Education", "#14b8a6", "graduation-cap"),
        new("Subscriptions", "#6366f1", "repeat"),
        new("Other", "#64748b", "tag"),
    ];
}

public sealed record DefaultCategory(string Name, string Color, string Icon)
{
    public DefaultCategory()
        : this(string.Empty, "#64748b", "tag")
    {
    }

    public Category CreateFor(Guid userId) => new()
    {
        UserId = userId,
        Name = Name,
        NormalizedName = Category.Normalize(Name),
        Color = Color,
        Icon = Icon,
        IsDefault = true,
    };
}
