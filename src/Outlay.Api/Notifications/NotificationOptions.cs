using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Notifications;

/// <summary>When alerts fire (section <c>Outlay:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Outlay:Notifications";

    /// <summary>
    /// How much of a budget's period (in percent) must have passed before a projection can raise a risk alert:
    /// a projection from the first days of a month says more about rent day than about the month.
    /// </summary>
    [Range(1, 100)]
    public int RiskAfterPercentOfPeriod { get; set; } = 30;
}
