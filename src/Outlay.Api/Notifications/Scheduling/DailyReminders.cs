using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>
/// The daily "log today's spending" reminder at each user's chosen local time. Every instance looks for due
/// users; a conditional update of the user's next reminder time decides which instance sends, in the same
/// transaction as the notification and its phone deliveries, so a reminder goes out once. At most one a day per
/// user: a reminder missed while no instance ran is sent later the same local day, never on the next; after a
/// change of time zone the next one follows the new zone.
/// </summary>
public sealed partial class DailyReminders(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<DailyReminders> logger)
{
    public const int BatchSize = 100;

    /// <summary>One round: looks at up to a batch of users whose reminder time has come; how many it looked at.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Set<NotificationPreferences>().AsNoTracking()
            .Where(p => p.NextDailyReminderAt <= now && p.DailyReminderAt != null)
            .OrderBy(p => p.NextDailyReminderAt)
            .Take(BatchSize)
            .Select(p => new DueReminder(p.UserId, p.NextDailyReminderAt!.Value, p.DailyReminderAt!.Value, p.LastDailyReminderOn))
            .ToListAsync(cancellationToken);
        foreach (var reminder in due)
        {
            await RemindAsync(scope.ServiceProvider, reminder, cancellationToken);
        }

        return due.Count;
    }

    private async Task RemindAsync(IServiceProvider services, DueReminder reminder, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OutlayDbContext>();
        var writer = services.GetRequiredService<NotificationWriter>();
        if (await ReportSettings.LoadAsync(db, reminder.UserId, cancellationToken) is not { } settings)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var zone = ReportPeriod.Zone(settings.TimeZone);
        var today = ReportPeriod.Today(clock, settings.TimeZone);
        var todays = DailyReminderSchedule.On(today, reminder.At, zone);
        var send = todays <= now && reminder.LastSentOn != today;
        var next = todays > now ? todays : DailyReminderSchedule.On(today.AddDays(1), reminder.At, zone);

        var notification = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<NotificationPreferences>()
                .Where(p => p.UserId == reminder.UserId && p.NextDailyReminderAt == reminder.NextAt)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(p => p.NextDailyReminderAt, next).SetProperty(p => p.LastDailyReminderOn, send ? today : reminder.LastSentOn),
                    ct);
            if (claimed == 0 || !send)
            {
                // Another instance took it, or it is not time yet in the user's (new) time zone.
                await transaction.CommitAsync(ct);
                return null;
            }

            var logged = await db.Expenses.CountAsync(e => e.UserId == reminder.UserId && e.OccurredOn == today, ct);
            var text = new NotificationText(
                NotificationKinds.DailyReminder,
                "Time to log today's spending",
                logged == 0
                    ? "Nothing is logged for today yet. A minute now keeps this month's figures right."
                    : $"You have logged {logged} {(logged == 1 ? "expense" : "expenses")} today. Anything else to add?",
                new { date = today, expensesLogged = logged });
            var created = await writer.AddAsync(db, reminder.UserId, settings.TimeZone, text, onceKey: null, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return created;
        }, cancellationToken);

        if (notification is not null)
        {
            LogSent(logger, reminder.UserId);
            await writer.PublishAsync(notification);
        }
    }

    private sealed record DueReminder(Guid UserId, DateTimeOffset NextAt, TimeOnly At, DateOnly? LastSentOn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the daily reminder of user {UserId}")]
    private static partial void LogSent(ILogger logger, Guid userId);

}
