namespace Outlay.Api.Notifications;

/// <summary>The contract's notification kinds.</summary>
public static class NotificationKinds
{
    public const string BudgetThreshold = "budgetThreshold";
    public const string BudgetRisk = "budgetRisk";
    public const string UnusualExpense = "unusualExpense";
    public const string DailyReminder = "dailyReminder";
    public const string UpcomingPayment = "upcomingPayment";
    public const string PeriodDigest = "periodDigest";
    public const string ChannelDisabled = "channelDisabled";

    /// <summary>The kinds a user can send to a phone channel (a channel change is only ever told in the feed).</summary>
    public static readonly IReadOnlyList<string> Routable = [BudgetThreshold, BudgetRisk, UnusualExpense, DailyReminder, UpcomingPayment, PeriodDigest];
}
