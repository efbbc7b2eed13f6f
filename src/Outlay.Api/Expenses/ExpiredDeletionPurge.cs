using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure.Idempotency;

namespace Outlay.Api.Expenses;

/// <summary>
/// Removes for good the expenses deleted longer ago than the restore window, and Idempotency-Keys past
/// their retention. Every instance may run it; the deletes are idempotent.
/// </summary>
public sealed partial class ExpiredDeletionPurge(
    IServiceScopeFactory scopes,
    IOptions<ExpenseOptions> expenses,
    IOptions<IdempotencyOptions> idempotency,
    TimeProvider clock,
    ILogger<ExpiredDeletionPurge> logger) : BackgroundService
{
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var now = clock.GetUtcNow();
        var deletedBefore = now.AddDays(-expenses.Value.RestoreDays);
        var purged = await db.Expenses.IgnoreQueryFilters()
            .Where(e => e.DeletedAt != null && e.DeletedAt < deletedBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var keysBefore = now.AddHours(-idempotency.Value.RetentionHours);
        await db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged);
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(expenses.Value.PurgeIntervalMinutes), clock);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (the database restarting outlasts the retries), the next tick tries again:
                // a background failure must never stop the instance.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {ExpenseCount} expenses deleted past the restore window")]
    private static partial void LogPurged(ILogger logger, int expenseCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purge of expired deletions failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
