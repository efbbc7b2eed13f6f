using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Notifications.Scheduling;

/// <summary>When a scheduled notification job next looks at one user: one row per user and job.</summary>
public sealed class NotificationSchedule
{
    public Guid UserId { get; set; }

    /// <summary>The <see cref="IScheduledNotification.Job"/> name.</summary>
    public required string Job { get; set; }

    public DateTimeOffset NextAt { get; set; }
}

public sealed class NotificationScheduleConfiguration : IEntityTypeConfiguration<NotificationSchedule>
{
    public void Configure(EntityTypeBuilder<NotificationSchedule> schedule)
    {
        schedule.ToTable("notification_schedules");
        schedule.HasKey(s => new { s.UserId, s.Job });
        schedule.Property(s => s.Job).HasMaxLength(32);
        // Each round asks for one job's rows that are due.
        schedule.HasIndex(s => new { s.Job, s.NextAt });
        schedule.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
