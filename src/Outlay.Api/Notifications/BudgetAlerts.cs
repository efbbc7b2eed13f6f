using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Budgets;
using Outlay.Api.Data;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications;

/// <summary>
/// Fires a user's budget alerts after their spending changed: each threshold of <c>alertAt</c> the first time
/// the period's spending reaches it, and a risk alert when the projection passes the budget before the spending
/// does. Each fires once per budget per period (the <see cref="BudgetAlert"/> key decides races between
/// writes and instances); spending that falls back and rises again fires nothing new. When one write passes
/// several thresholds, the user hears of the highest only.
/// </summary>
public sealed partial class BudgetAlerts(
    IServiceScopeFactory scopes,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider clock,
    ILogger<BudgetAlerts> logger)
{
    public async Task EvaluateAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.UserId == userId).ToListAsync(cancellationToken);
        if (budgets.Count == 0 || await ReportSettings.LoadAsync(db, userId, cancellationToken) is not { } settings)
        {
            return;
        }

        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var statuses = await scope.ServiceProvider.GetRequiredService<BudgetStatusCalculator>()
            .ComputeAsync(userId, settings, today, budgets, cancellationToken);
        var writer = scope.ServiceProvider.GetRequiredService<NotificationWriter>();
        var fired = await FiredAsync(db, userId, statuses, cancellationToken);
        Dictionary<Guid, string>? categoryNames = null;
        foreach (var budget in budgets)
        {
            var status = statuses[budget.Id];
            // A write that lost the race for one threshold may still be the first past a higher one: look again.
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                if (Due(budget, status, today, fired) is not { } due)
                {
                    break;
                }

                // Read only when something fires: most writes cross nothing.
                categoryNames ??= await db.Categories.AsNoTracking().Where(c => c.UserId == userId).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
                var name = budget.CategoryId is { } categoryId ? categoryNames.GetValueOrDefault(categoryId, "Category") : null;
                var text = due.Kind == NotificationKinds.BudgetThreshold
                    ? ThresholdMessage(budget, status, name, due.Thresholds[^1], settings.Currency)
                    : RiskMessage(budget, status, name, settings.Currency);
                if (await FireAsync(db, writer, settings.TimeZone, budget, status, due.Kind, due.Thresholds, text, cancellationToken))
                {
                    break;
                }

                fired = await FiredAsync(db, userId, statuses, cancellationToken);
            }
        }
    }

    /// <summary>The alerts already fired in each budget's current period, as (budget, kind, threshold).</summary>
    private static async Task<HashSet<(Guid BudgetId, string Kind, int Threshold)>> FiredAsync(
        OutlayDbContext db, Guid userId, IReadOnlyDictionary<Guid, BudgetStatus> statuses, CancellationToken cancellationToken)
    {
        var earliest = statuses.Values.Min(s => s.Start);
        var rows = await db.Set<BudgetAlert>().AsNoTracking()
            .Where(a => a.UserId == userId && a.PeriodStart >= earliest)
            .Select(a => new { a.BudgetId, a.PeriodStart, a.Kind, a.Threshold })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(a => statuses.TryGetValue(a.BudgetId, out var status) && a.PeriodStart == status.Start).Select(a => (a.BudgetId, a.Kind, a.Threshold))];
    }

    /// <summary>What should fire for the budget now: the thresholds newly reached, else a risk alert, else nothing.</summary>
    private (string Kind, List<int> Thresholds)? Due(Budget budget, BudgetStatus status, DateOnly today, HashSet<(Guid, string, int)> fired)
    {
        var crossed = budget.AlertAt.Where(t => status.Percent >= t && !fired.Contains((budget.Id, NotificationKinds.BudgetThreshold, t))).ToList();
        if (crossed.Count > 0)
        {
            return (NotificationKinds.BudgetThreshold, crossed);
        }

        return IsAtRisk(budget, status, today) && !fired.Contains((budget.Id, NotificationKinds.BudgetRisk, BudgetAlert.RiskThreshold))
            ? (NotificationKinds.BudgetRisk, [BudgetAlert.RiskThreshold])
            : null;
    }

    private bool IsAtRisk(Budget budget, BudgetStatus status, DateOnly today)
    {
        var days = status.End.DayNumber - status.Start.DayNumber + 1;
        var elapsed = today.DayNumber - status.Start.DayNumber + 1;
        return status.Spent <= budget.Amount && status.Projected > budget.Amount
            && elapsed * 100 >= options.CurrentValue.RiskAfterPercentOfPeriod * days;
    }

    /// <summary>
    /// Saves the alerts, the one notification that tells of them and its phone deliveries together, or nothing
    /// if another write won.
    /// </summary>
    private async Task<bool> FireAsync(
        OutlayDbContext db,
        NotificationWriter writer,
        string timeZone,
        Budget budget,
        BudgetStatus status,
        string kind,
        List<int> thresholds,
        (string Title, string Message, object Data) text,
        CancellationToken cancellationToken)
    {
        var notification = await writer.AddAsync(
            db, budget.UserId, timeZone, new NotificationText(kind, text.Title, text.Message, text.Data), onceKey: null, cancellationToken);
        var now = notification.CreatedAt;
        foreach (var threshold in thresholds)
        {
            db.Add(new BudgetAlert
            {
                BudgetId = budget.Id,
                UserId = budget.UserId,
                PeriodStart = status.Start,
                Kind = kind,
                Threshold = threshold,
                FiredAt = now,
                NotificationId = threshold == thresholds[^1] ? notification.Id : null,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // A concurrent write, here or on another instance, fired it first.
            db.ChangeTracker.Clear();
            return false;
        }

        db.ChangeTracker.Clear();
        LogFired(logger, kind, budget.Id, thresholds[^1]);
        await writer.PublishAsync(notification);
        return true;
    }

    private static (string Title, string Message, object Data) ThresholdMessage(Budget budget, BudgetStatus status, string? category, int threshold, string currency)
    {
        var what = BudgetName(budget, category);
        var title = threshold >= 100 ? $"{what} is used up" : $"{what} is {threshold}% used";
        var message = $"You have spent {Amount(status.Spent, currency)} of {Amount(budget.Amount, currency)} {PeriodPhrase(budget.Period)}"
            + (status.Remaining < 0 ? $", {Amount(-status.Remaining, currency)} over." : $"; {Amount(status.Remaining, currency)} left.");
        return (title, message, Data(budget, status, currency, threshold));
    }

    private static (string Title, string Message, object Data) RiskMessage(Budget budget, BudgetStatus status, string? category, string currency)
    {
        var what = BudgetName(budget, category);
        var message = $"At this pace you will spend about {Amount(status.Projected, currency)} {PeriodPhrase(budget.Period)}, "
            + $"over the {Amount(budget.Amount, currency)} budget; {Amount(status.Spent, currency)} spent so far.";
        return ($"{what} may run out", message, Data(budget, status, currency, threshold: null));
    }

    private static object Data(Budget budget, BudgetStatus status, string currency, int? threshold) => new
    {
        budgetId = budget.Id,
        categoryId = budget.CategoryId,
        period = budget.Period.ToString().ToLowerInvariant(),
        periodStart = status.Start,
        periodEnd = status.End,
        threshold,
        currency,
        amount = Amount(budget.Amount, currency, withCode: false),
        spent = Amount(status.Spent, currency, withCode: false),
        projected = Amount(status.Projected, currency, withCode: false),
    };

    private static string BudgetName(Budget budget, string? category) =>
        category is null ? $"Your {budget.Period.ToString().ToLowerInvariant()}ly budget" : $"Your {category} budget";

    private static string PeriodPhrase(PeriodKind period) => period switch
    {
        PeriodKind.Week => "this week",
        PeriodKind.Month => "this month",
        _ => "this year",
    };

    private static string Amount(decimal amount, string currency, bool withCode = true)
    {
        var text = Expenses.Money.ToMinorUnits(amount, currency).ToString(CultureInfo.InvariantCulture);
        return withCode ? $"{text} {currency}" : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fired a {Kind} alert for budget {BudgetId} at {Threshold}%")]
    private static partial void LogFired(ILogger logger, string kind, Guid budgetId, int threshold);
}
