using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Budgets;
using Outlay.Api.Categories;
using Outlay.Api.Expenses;
using Outlay.Api.Users;

namespace Outlay.Api.Data;

/// <summary>
/// The one context handlers use. Each database engine has a subclass that owns its migrations and
/// the column conventions the engine needs (see <see cref="SqliteOutlayDbContext"/>).
/// </summary>
public abstract class OutlayDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Expense> Expenses => Set<Expense>();

    public DbSet<Budget> Budgets => Set<Budget>();

    public DbSet<Reports.Rollups.DailySpending> DailySpending => Set<Reports.Rollups.DailySpending>();

    public DbSet<Reports.Rollups.MonthlyMerchantSpending> MonthlyMerchantSpending => Set<Reports.Rollups.MonthlyMerchantSpending>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Auth.External.ExternalLogin> ExternalLogins => Set<Auth.External.ExternalLogin>();

    public DbSet<AdminBootstrapToken> AdminBootstrapTokens => Set<AdminBootstrapToken>();

    public DbSet<Sms.SmsSettings> SmsSettings => Set<Sms.SmsSettings>();

    public DbSet<Sms.SmsIngestToken> SmsIngestTokens => Set<Sms.SmsIngestToken>();

    public DbSet<Sms.SmsMessage> SmsMessages => Set<Sms.SmsMessage>();

    public DbSet<Settings.RuntimeSetting> RuntimeSettings => Set<Settings.RuntimeSetting>();

    public DbSet<Settings.AuditEntry> AuditEntries => Set<Settings.AuditEntry>();

    /// <summary>The Data Protection key ring, shared by every instance (see <c>DataProtectionSetup</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OutlayDbContext).Assembly);
}
