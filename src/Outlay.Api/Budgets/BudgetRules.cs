using Outlay.Api.Expenses;

namespace Outlay.Api.Budgets;

/// <summary>The rules a budget's amount and alert thresholds follow, shared by create and update.</summary>
public static class BudgetRules
{
    /// <summary>The shipped default, until an admin sets <c>budgetAlertThresholds</c>.</summary>
    public static readonly IReadOnlyList<int> BuiltInAlertAt = [50, 80, 100];

    public const int MaxAlertPercent = 200;

    public const int MaxAlerts = 10;

    /// <summary>Adds an error for each field that breaks a rule.</summary>
    public static void Check(decimal amount, string currency, IReadOnlyList<int> alertAt, Dictionary<string, string[]> errors)
    {
        if (Money.Check(amount, currency) is { } amountError)
        {
            errors["amount"] = [amountError];
        }

        if (CheckAlertAt(alertAt) is { } alertError)
        {
            errors["alertAt"] = [alertError];
        }
    }

    public static string? CheckAlertAt(IReadOnlyList<int> alertAt)
    {
        if (alertAt.Count > MaxAlerts)
        {
            return $"At most {MaxAlerts} thresholds.";
        }

        if (alertAt.Any(p => p is < 1 or > MaxAlertPercent))
        {
            return $"Each threshold is a percentage from 1 to {MaxAlertPercent}.";
        }

        for (var i = 1; i < alertAt.Count; i++)
        {
            if (alertAt[i] <= alertAt[i - 1])
            {
                return "Thresholds must be in ascending order, without repeats.";
            }
        }

        return null;
    }
}
