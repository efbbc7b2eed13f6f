using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Infrastructure.Idempotency;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_records");
        record.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        record.Property(r => r.RequestHash).HasMaxLength(32);
        record.Property(r => r.ContentType).HasMaxLength(100);
        record.Property(r => r.Location).HasMaxLength(300);
        record.Property(r => r.ETag).HasMaxLength(100);
        // The unique key is what makes two simultaneous first attempts safe: only one insert wins.
        record.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        record.HasIndex(r => r.CreatedAt);
        record.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
