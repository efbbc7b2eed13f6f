using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Outlay.Api.Users;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.Property(u => u.Email).HasMaxLength(254);
        user.HasIndex(u => u.Email).IsUnique();
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.PasswordHash).HasMaxLength(100);
        user.Property(u => u.Role).HasMaxLength(16);
        user.Property(u => u.TimeZone).HasMaxLength(64);
        user.Property(u => u.Currency).HasMaxLength(3).IsFixedLength();
        user.Property(u => u.WeekStart).HasConversion<string>().HasMaxLength(8);
        user.HasIndex(u => u.CreatedAt);
    }
}
