using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Insights;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications;

/// <summary>
/// Tells a user when an expense they just recorded is one the insights' outlier rule flags: far above what they
/// usually spend in its category. Once per expense (its <see cref="Notification.OnceKey"/>), however often it is
/// edited; only for expenses recent enough to be news, in the user's own currency.
/// </summary>
public sealed partial class UnusualExpenseAlerts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UnusualExpenseAlerts> logger)
{
    public async Task EvaluateAsync(Guid userId, Guid expenseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var expense = await db.Expenses.AsNoTracking().Where(e => e.Id == expenseId && e.UserId == userId)
            .Select(e => new { e.CategoryId, e.Currency }).SingleOrDefaultAsync(cancellationToken);
        if (expense?.CategoryId is not { } categoryId || await ReportSettings.LoadAsync(db, userId, cancellationToken) is not { } settings
            || expense.Currency != settings.Currency)
        {
            return;
        }

        var onceKey = $"{NotificationKinds.UnusualExpense}:{expenseId:N}";
        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var tips = await scope.ServiceProvider.GetRequiredService<InsightFinder>().UnusualInCategoryAsync(userId, settings, today, categoryId, cancellationToken);
        if (tips.FirstOrDefault(t => t.Data["expenseId"]?.GetValue<Guid>() == expenseId) is not { } tip
            || await db.Set<Notification>().AnyAsync(n => n.UserId == userId && n.OnceKey == onceKey, cancellationToken))
        {
            return;
        }

        var writer = scope.ServiceProvider.GetRequiredService<NotificationWriter>();
        var notification = await writer.AddAsync(
            db, userId, settings.TimeZone, new NotificationText(NotificationKinds.UnusualExpense, tip.Title, tip.Message, tip.Data), onceKey, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Told already, by a concurrent write of the same expense here or on another instance.
            return;
        }

        LogFired(logger, expenseId);
        await writer.PublishAsync(notification);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Told of unusual expense {ExpenseId}")]
    private static partial void LogFired(ILogger logger, Guid expenseId);
}
