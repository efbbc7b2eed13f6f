using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Outlay.Api.Data;

// Used only by `dotnet ef migrations add`; the running app configures contexts in DatabaseSetup.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOutlayDbContext>
{
    public SqliteOutlayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOutlayDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseSnakeCaseNamingConvention()
            .Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOutlayDbContext>
{
    public PostgresOutlayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOutlayDbContext>()
            .UseNpgsql("Host=localhost;Database=outlay_design")
            .UseSnakeCaseNamingConvention()
            .Options);
}
