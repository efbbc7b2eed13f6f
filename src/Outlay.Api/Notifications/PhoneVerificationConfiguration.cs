using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Notifications;

public sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> verification)
    {
        verification.ToTable("phone_verifications");
        verification.HasKey(v => new { v.UserId, v.Channel });
        verification.Property(v => v.Channel).HasMaxLength(16);
        verification.Property(v => v.Phone).HasMaxLength(E164.MaxLength);
        verification.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
