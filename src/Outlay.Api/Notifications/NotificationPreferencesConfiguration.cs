using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Notifications;

public sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> preferences)
    {
        preferences.ToTable("notification_preferences");
        preferences.HasKey(p => p.UserId);
        preferences.Property(p => p.SmsPhone).HasMaxLength(E164.MaxLength);
        preferences.Property(p => p.WhatsAppPhone).HasMaxLength(E164.MaxLength);
        preferences.HasIndex(p => p.NextDailyReminderAt);
        preferences.HasOne<User>().WithOne().HasForeignKey<NotificationPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
