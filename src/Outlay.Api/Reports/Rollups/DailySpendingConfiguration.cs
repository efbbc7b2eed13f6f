using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Reports.Rollups;

public sealed class DailySpendingConfiguration : IEntityTypeConfiguration<DailySpending>
{
    public void Configure(EntityTypeBuilder<DailySpending> daily)
    {
        daily.ToTable("daily_spending");
        daily.HasKey(d => new { d.UserId, d.Day, d.CategoryId, d.Currency });
        daily.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        daily.Property(d => d.Count).HasColumnName("expense_count");

        // No foreign key to categories: a category is deleted after its expenses moved away, which leaves
        // nothing here to point at it. Rows go with their user.
        daily.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
