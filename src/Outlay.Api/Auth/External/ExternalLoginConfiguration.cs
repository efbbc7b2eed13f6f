using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Auth.External;

public sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    /// <summary>OpenID Connect caps <c>sub</c> at 255 ASCII characters.</summary>
    public const int MaxSubjectLength = 255;

    public void Configure(EntityTypeBuilder<ExternalLogin> login)
    {
        login.ToTable("external_logins");
        login.Property(l => l.Provider).HasMaxLength(ExternalProviders.MaxNameLength);
        login.Property(l => l.Subject).HasMaxLength(MaxSubjectLength);
        login.Property(l => l.Email).HasMaxLength(EmailAddresses.MaxLength);
        login.HasIndex(l => new { l.Provider, l.Subject }).IsUnique();
        login.HasIndex(l => l.UserId);
        login.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
