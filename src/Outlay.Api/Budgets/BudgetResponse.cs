using Outlay.Api.Expenses;
using Outlay.Api.Reports;

namespace Outlay.Api.Budgets;

/// <summary>A budget with how the current period is going; <c>start</c> and <c>end</c> are that period's inclusive days.</summary>
public sealed record BudgetStatusResponse(decimal Spent, decimal Remaining, double Percent, decimal Projected, DateOnly Start, DateOnly End);

public sealed record BudgetResponse(
    Guid Id,
    Guid? CategoryId,
    PeriodKind Period,
    decimal Amount,
    string Currency,
    IReadOnlyList<int> AlertAt,
    BudgetStatusResponse Status,
    IReadOnlyList<BudgetAlertResponse> Alerts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BudgetResponse From(Budget budget, BudgetStatus status, IReadOnlyList<BudgetAlertResponse> alerts, string currency) => new(
        budget.Id,
        budget.CategoryId,
        budget.Period,
        Money.ToMinorUnits(budget.Amount, currency),
        currency,
        budget.AlertAt,
        new BudgetStatusResponse(status.Spent, status.Remaining, status.Percent, status.Projected, status.Start, status.End),
        alerts,
        budget.CreatedAt,
        budget.UpdatedAt);
}
