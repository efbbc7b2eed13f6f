using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Categories;
using Outlay.Api.Users;

namespace Outlay.Api.Budgets;

public sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> budget)
    {
        budget.ToTable("budgets");
        budget.Property(b => b.Period).HasConversion<string>().HasMaxLength(8);

        budget.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);

        // Deleting a category deletes its budgets: a budget for a category that no longer exists means
        // nothing, and Restrict would turn every category deletion with a budget into a 409 or a 500.
        budget.HasOne<Category>().WithMany().HasForeignKey(b => b.CategoryId).OnDelete(DeleteBehavior.Cascade);

        // One budget per (category, period). NULLs are distinct in unique indexes on both engines, so
        // the overall budgets (no category) need their own filtered index to stay one per period.
        budget.HasIndex(b => new { b.UserId, b.CategoryId, b.Period }).IsUnique();
        budget.HasIndex(b => new { b.UserId, b.Period }).IsUnique().HasFilter("category_id IS NULL");
    }
}
