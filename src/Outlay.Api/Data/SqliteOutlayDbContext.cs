using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Outlay.Api.Data;

/// <summary>
/// SQLite has no decimal or timestamp-with-offset type: EF Core would store both as text, which
/// neither sorts nor sums in SQL. Money becomes an integer of 1/10,000ths (exact for every ISO 4217
/// minor unit) and instants become sortable integers, so filters, ORDER BY and SUM run in the database.
/// </summary>
public sealed class SqliteOutlayDbContext(DbContextOptions<SqliteOutlayDbContext> options) : OutlayDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    // The spending roll-ups are kept by AFTER triggers on expenses, which SQLite's RETURNING clause does not support.
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Expenses.Expense>().ToTable(table => table.UseSqlReturningClause(false));
    }

    private sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
        value => (long)(value * 10_000m),
        stored => stored / 10_000m);
}
