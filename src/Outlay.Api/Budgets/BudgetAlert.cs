using Outlay.Api.Notifications;

namespace Outlay.Api.Budgets;

/// <summary>
/// A budget alert that has fired in one period. Its key (budget, period start, kind, threshold) is unique, so
/// each alert fires once per budget per period however many writes on however many instances cross it at once;
/// the loser of that race inserts nothing.
/// </summary>
public sealed class BudgetAlert
{
    /// <summary>The threshold of a <see cref="NotificationKinds.BudgetRisk"/> alert, which has none.</summary>
    public const int RiskThreshold = 0;

    public Guid BudgetId { get; set; }

    public Guid UserId { get; set; }

    public DateOnly PeriodStart { get; set; }

    /// <summary><see cref="NotificationKinds.BudgetThreshold"/> or <see cref="NotificationKinds.BudgetRisk"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The percentage of the budget crossed; <see cref="RiskThreshold"/> for a risk alert.</summary>
    public int Threshold { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    /// <summary>The feed item that told the user; null for a lower threshold passed in the same write as a higher one.</summary>
    public Guid? NotificationId { get; set; }
}
