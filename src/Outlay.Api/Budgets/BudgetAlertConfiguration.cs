using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Notifications;

namespace Outlay.Api.Budgets;

public sealed class BudgetAlertConfiguration : IEntityTypeConfiguration<BudgetAlert>
{
    public void Configure(EntityTypeBuilder<BudgetAlert> builder)
    {
        builder.ToTable("budget_alerts");
        builder.HasKey(a => new { a.BudgetId, a.PeriodStart, a.Kind, a.Threshold });
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.HasOne<Budget>().WithMany().HasForeignKey(a => a.BudgetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Notification>().WithMany().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.UserId);
    }
}
