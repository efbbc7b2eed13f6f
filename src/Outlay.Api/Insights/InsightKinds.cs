namespace Outlay.Api.Insights;

public static class InsightKinds
{
    public const string CategorySpike = "categorySpike";
    public const string BudgetOverspend = "budgetOverspend";
    public const string RecurringPayments = "recurringPayments";
    public const string UnusualExpense = "unusualExpense";
    public const string WeekendPattern = "weekendPattern";
    public const string SavingsOpportunity = "savingsOpportunity";
}
