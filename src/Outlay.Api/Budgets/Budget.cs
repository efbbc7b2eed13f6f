using Outlay.Api.Reports;

namespace Outlay.Api.Budgets;

public sealed class Budget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    /// <summary>Null for an overall budget that covers every category.</summary>
    public Guid? CategoryId { get; set; }

    public PeriodKind Period { get; set; }

    /// <summary>In the user's currency; expenses in other currencies never count against it.</summary>
    public decimal Amount { get; set; }

    /// <summary>Percentages of the amount at which the user wants to hear about it, ascending and unique.</summary>
    public List<int> AlertAt { get; set; } = [.. BudgetRules.BuiltInAlertAt];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Insights read budgets, so a budget change drops them too.</summary>
    public static string CacheTagFor(Guid userId) => $"budgets:{userId:N}";
}
