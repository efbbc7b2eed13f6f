using Microsoft.Extensions.Options;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>Every instance's loop over the calendar's notifications: daily reminders and the scheduled jobs.</summary>
public sealed partial class NotificationScheduler(
    DailyReminders reminders, ScheduledNotifications scheduled, IOptionsMonitor<NotificationOptions> options, TimeProvider clock, ILogger<NotificationScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CurrentValue.SchedulerIntervalSeconds), clock);
        do
        {
            if (!options.CurrentValue.SchedulerEnabled)
            {
                continue;
            }

            try
            {
                while (await reminders.RunDueAsync(stoppingToken) == DailyReminders.BatchSize)
                {
                    // A full batch: more may be due.
                }

                while (await scheduled.RunDueAsync(stoppingToken) == ScheduledNotifications.BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: what is due stays due for the next round.
                LogRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of scheduled notifications failed; they stay due")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
