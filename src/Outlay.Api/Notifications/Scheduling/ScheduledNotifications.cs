using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>
/// Runs the scheduled notification jobs for every user. Sign-up adds a new user's schedule rows; users without
/// them (from before a job existed) get theirs in the first round after a start. A due row is claimed by a conditional update of its <c>NextAt</c> in the same transaction
/// as the notifications it yields, so with several instances each goes out once, and their once-keys keep a
/// period's digest single even if the schedule was reset.
/// </summary>
public sealed partial class ScheduledNotifications(
    IServiceScopeFactory scopes, IEnumerable<IScheduledNotification> jobs, TimeProvider clock, ILogger<ScheduledNotifications> logger)
{
    public const int BatchSize = 100;

    // The search for unscheduled users reads every user, so it runs until it finds none, once per start.
    private volatile bool everyoneScheduled;

    /// <summary>One round of every job: how many rows it added or looked at (a full batch means more may be waiting).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var looked = 0;
        var unscheduled = 0;
        foreach (var job in jobs)
        {
            if (!everyoneScheduled)
            {
                unscheduled += await ScheduleUnscheduledUsersAsync(job, cancellationToken);
            }

            looked = Math.Max(looked, await RunDueAsync(job, cancellationToken));
        }

        everyoneScheduled = everyoneScheduled || unscheduled == 0;
        return Math.Max(looked, unscheduled > 0 ? BatchSize : 0);
    }

    private async Task<int> ScheduleUnscheduledUsersAsync(IScheduledNotification job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var unscheduled = await db.Users.AsNoTracking()
            .Where(u => !db.Set<NotificationSchedule>().Any(s => s.UserId == u.Id && s.Job == job.Job))
            .Take(BatchSize)
            .Select(u => new { u.Id, Settings = new ReportSettings(u.TimeZone, u.Currency, u.WeekStart, u.MonthStartDay) })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.AddRange(unscheduled.Select(u => new NotificationSchedule { UserId = u.Id, Job = job.Job, NextAt = job.FirstRun(now, u.Settings) }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation() || exception.IsForeignKeyViolation())
        {
            // Another instance scheduled some of them first, or a user left meanwhile: the next round sees what is left.
        }

        return unscheduled.Count;
    }

    private async Task<int> RunDueAsync(IScheduledNotification job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Set<NotificationSchedule>().AsNoTracking()
            .Where(s => s.Job == job.Job && s.NextAt <= now)
            .OrderBy(s => s.NextAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            await RunAsync(scope.ServiceProvider, job, row, cancellationToken);
        }

        return due.Count;
    }

    private async Task RunAsync(IServiceProvider services, IScheduledNotification job, NotificationSchedule row, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OutlayDbContext>();
        if (await ReportSettings.LoadAsync(db, row.UserId, cancellationToken) is not { } settings)
        {
            return;
        }

        var run = await job.RunAsync(db, services, row.UserId, settings, clock.GetUtcNow(), cancellationToken);
        var keys = run.Notifications.Select(n => n.OnceKey).ToList();
        var told = await db.Set<Notification>().Where(n => n.UserId == row.UserId && n.OnceKey != null && keys.Contains(n.OnceKey))
            .Select(n => n.OnceKey!).ToListAsync(cancellationToken);
        var writer = services.GetRequiredService<NotificationWriter>();
        var saved = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<NotificationSchedule>()
                .Where(s => s.UserId == row.UserId && s.Job == row.Job && s.NextAt == row.NextAt)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.NextAt, run.NextAt), ct);
            if (claimed == 0)
            {
                // Another instance ran it.
                return [];
            }

            var added = new List<Notification>();
            foreach (var (text, onceKey) in run.Notifications.Where(n => !told.Contains(n.OnceKey)))
            {
                added.Add(await writer.AddAsync(db, row.UserId, settings.TimeZone, text, onceKey, ct));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return added;
        }, cancellationToken);

        foreach (var notification in saved)
        {
            LogSent(logger, notification.Kind, row.UserId);
            await writer.PublishAsync(notification);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a scheduled {Kind} notification to user {UserId}")]
    private static partial void LogSent(ILogger logger, string kind, Guid userId);
}
