namespace Outlay.Api.Categories.AutoCategorisation;

public static class DefaultCategoryNames
{
    public const string FoodAndDining = "Food & Dining";
    public const string Groceries = "Groceries";
    public const string Transport = "Transport";
    public const string Travel = "Travel";
    public const string Shopping = "Shopping";
    public const string BillsAndUtilities = "Bills & Utilities";
    public const string Housing = "Housing";
    public const string Health = "Health";
    public const string Entertainment = "Entertainment";
    public const string Education = "Education";
    public const string Subscriptions = "Subscriptions";
    public const string Other = "Other";

    public static IReadOnlyList<string> All { get; } =
    [
        FoodAndDining, Groceries, Transport, Travel, Shopping, BillsAndUtilities,
        Housing, Health, Entertainment, Education, Subscriptions, Other,
    ];

    public static bool IsDefault(string name) => All.Contains(name, StringComparer.Ordinal);
}
