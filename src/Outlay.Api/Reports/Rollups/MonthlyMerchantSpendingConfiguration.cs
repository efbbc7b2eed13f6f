using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Reports.Rollups;

public sealed class MonthlyMerchantSpendingConfiguration : IEntityTypeConfiguration<MonthlyMerchantSpending>
{
    public void Configure(EntityTypeBuilder<MonthlyMerchantSpending> monthly)
    {
        monthly.ToTable("monthly_merchant_spending");
        monthly.HasKey(m => new { m.UserId, m.Month, m.Currency, m.Merchant });
        monthly.Property(m => m.Currency).HasMaxLength(3).IsFixedLength();
        monthly.Property(m => m.Merchant).HasMaxLength(200);
        monthly.Property(m => m.Count).HasColumnName("expense_count");
        monthly.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
