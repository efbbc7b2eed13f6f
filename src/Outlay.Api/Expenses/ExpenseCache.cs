using Outlay.Api.Infrastructure;
using Outlay.Api.Notifications;

namespace Outlay.Api.Expenses;

/// <summary>
/// What follows every write to a user's expenses: everything cached from them (reports, insights, budget
/// status) is tagged with <see cref="TagFor"/> and dropped on every instance, and the budget alerts the change
/// may have crossed fire; an expense recorded or edited one at a time is also judged for being unusual.
/// </summary>
public sealed partial class ExpenseCache(CacheInvalidator invalidator, BudgetAlerts alerts, UnusualExpenseAlerts unusual, ILogger<ExpenseCache> logger)
{
    public static string TagFor(Guid userId) => $"expenses:{userId:N}";

    public async Task ChangedAsync(Guid userId, CancellationToken cancellationToken)
    {
        await invalidator.RemoveByTagAsync(TagFor(userId), cancellationToken);
        try
        {
            await alerts.EvaluateAsync(userId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The write is saved and answered as such; an alert it crossed fires at the user's next change.
            LogAlertsFailed(logger, exception, userId);
        }
    }

    public async Task ChangedAsync(Guid userId, Guid changedExpenseId, CancellationToken cancellationToken)
    {
        await ChangedAsync(userId, cancellationToken);
        try
        {
            await unusual.EvaluateAsync(userId, changedExpenseId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAlertsFailed(logger, exception, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not evaluate the alerts of user {UserId} after a change")]
    private static partial void LogAlertsFailed(ILogger logger, Exception exception, Guid userId);
}
