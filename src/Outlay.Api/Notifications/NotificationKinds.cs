namespace Outlay.Api.Notifications;

/// <summary>The contract's notification kinds (only those with a trigger are produced yet).</summary>
public static class NotificationKinds
{
    public const string BudgetThreshold = "budgetThreshold";
    public const string BudgetRisk = "budgetRisk";
    public const string ChannelDisabled = "channelDisabled";
}
