using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Sms;

public sealed class SmsIngestTokenConfiguration : IEntityTypeConfiguration<SmsIngestToken>
{
    public void Configure(EntityTypeBuilder<SmsIngestToken> token)
    {
        token.ToTable("sms_ingest_tokens");
        token.Property(t => t.TokenHash).HasMaxLength(32);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.Property(t => t.Name).HasMaxLength(SmsIngestToken.MaxNameLength);
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
