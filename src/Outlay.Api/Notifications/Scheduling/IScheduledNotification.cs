using Outlay.Api.Data;
using Outlay.Api.Reports;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>
/// A notification that comes from the calendar rather than from a write: every user has a row of it in
/// <see cref="NotificationSchedule"/> saying when it next looks at them. <see cref="ScheduledNotifications"/>
/// decides races between instances; a job only says when and what.
/// </summary>
public interface IScheduledNotification
{
    /// <summary>The job's name in <see cref="NotificationSchedule.Job"/>.</summary>
    string Job { get; }

    /// <summary>When the job first looks at a user with these settings.</summary>
    DateTimeOffset FirstRun(DateTimeOffset now, ReportSettings settings);

    /// <summary>What is due for the user now (each with a key that makes it once-only), and when to look next.</summary>
    Task<ScheduledRun> RunAsync(OutlayDbContext db, IServiceProvider services, Guid userId, ReportSettings settings, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record ScheduledRun(DateTimeOffset NextAt, IReadOnlyList<(NotificationText Text, string OnceKey)> Notifications);
