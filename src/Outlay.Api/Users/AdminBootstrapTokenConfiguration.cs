using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Outlay.Api.Users;

public sealed class AdminBootstrapTokenConfiguration : IEntityTypeConfiguration<AdminBootstrapToken>
{
    public void Configure(EntityTypeBuilder<AdminBootstrapToken> token)
    {
        token.ToTable("admin_bootstrap_tokens");
        token.Property(t => t.TokenHash).HasMaxLength(32);
        token.HasIndex(t => t.TokenHash).IsUnique();
    }
}
