using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Outlay.Api.Notifications;

public sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> delivery)
    {
        delivery.ToTable("notification_deliveries");
        delivery.Property(d => d.Channel).HasMaxLength(16);
        delivery.Property(d => d.To).HasMaxLength(E164.MaxLength);
        delivery.Property(d => d.Body).HasMaxLength(1600);
        delivery.Property(d => d.Status).HasMaxLength(16);
        delivery.Property(d => d.ProviderMessageId).HasMaxLength(64);
        delivery.Property(d => d.Error).HasMaxLength(500);
        delivery.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per notification and channel, however often the trigger runs.
        delivery.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        // Providers' status events name the message by the id they gave it.
        delivery.HasIndex(d => d.ProviderMessageId);
        // The dispatcher's scan: due queued rows.
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}
