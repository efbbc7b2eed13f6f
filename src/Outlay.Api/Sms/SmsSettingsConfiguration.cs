using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Sms;

public sealed class SmsSettingsConfiguration : IEntityTypeConfiguration<SmsSettings>
{
    public void Configure(EntityTypeBuilder<SmsSettings> settings)
    {
        settings.ToTable("sms_settings");
        settings.HasKey(s => s.UserId);
        settings.HasOne<User>().WithOne().HasForeignKey<SmsSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
