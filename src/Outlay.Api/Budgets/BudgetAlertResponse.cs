using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Notifications;

namespace Outlay.Api.Budgets;

/// <summary>A threshold of the budget's <c>alertAt</c> that has fired in the current period, and when.</summary>
public sealed record BudgetAlertResponse(int Threshold, DateTimeOffset FiredAt)
{
    /// <summary>The threshold alerts each budget has fired in the period of its status, lowest threshold first.</summary>
    public static async Task<Dictionary<Guid, List<BudgetAlertResponse>>> ForCurrentPeriodsAsync(
        OutlayDbContext db, Guid userId, IReadOnlyDictionary<Guid, BudgetStatus> statuses, CancellationToken cancellationToken)
    {
        var fired = await db.Set<BudgetAlert>().AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == NotificationKinds.BudgetThreshold)
            .ToListAsync(cancellationToken);
        return statuses.ToDictionary(
            status => status.Key,
            status => fired.Where(a => a.BudgetId == status.Key && a.PeriodStart == status.Value.Start)
                .OrderBy(a => a.Threshold)
                .Select(a => new BudgetAlertResponse(a.Threshold, a.FiredAt))
                .ToList());
    }
}
