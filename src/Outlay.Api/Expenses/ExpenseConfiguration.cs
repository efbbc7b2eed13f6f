using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Categories;
using Outlay.Api.Users;

namespace Outlay.Api.Expenses;

public sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> expense)
    {
        expense.ToTable("expenses");
        expense.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        expense.Property(e => e.Merchant).HasMaxLength(200);
        expense.Property(e => e.MerchantKey).HasMaxLength(200);
        expense.Property(e => e.Note).HasMaxLength(1000);
        expense.Property(e => e.PaymentMethod).HasMaxLength(40);
        expense.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        expense.Property(e => e.AccountTail).HasMaxLength(8);
        expense.Property(e => e.Reference).HasMaxLength(64);
        expense.Property(e => e.Version).IsConcurrencyToken();
        expense.HasQueryFilter(e => e.DeletedAt == null);

        expense.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        expense.HasOne<Category>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // Listing pages walk these in keyset order; reports range-scan the first.
        // Partial (live rows only, as every list and report asks) and covering on PostgreSQL, so period sums
        // by category and currency are index-only scans that never touch the table.
        expense.HasIndex(e => new { e.UserId, e.OccurredOn, e.Id })
            .IncludeProperties(e => new { e.CategoryId, e.Currency, e.Amount })
            .HasFilter("deleted_at IS NULL");
        expense.HasIndex(e => new { e.UserId, e.Amount, e.Id });
        expense.HasIndex(e => new { e.UserId, e.CategoryId });
        expense.HasIndex(e => new { e.UserId, e.MerchantKey });
        expense.HasIndex(e => e.DeletedAt);
        // A bank SMS and a payment app's SMS about the same payment share the reference.
        expense.HasIndex(e => new { e.UserId, e.Reference });
    }
}
