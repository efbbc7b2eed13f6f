using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Categories;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("categories");
        category.Property(c => c.Name).HasMaxLength(40);
        category.Property(c => c.NormalizedName).HasMaxLength(40);
        category.Property(c => c.Color).HasMaxLength(7);
        category.Property(c => c.Icon).HasMaxLength(32);
        category.HasIndex(c => new { c.UserId, c.NormalizedName }).IsUnique();
        category.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
