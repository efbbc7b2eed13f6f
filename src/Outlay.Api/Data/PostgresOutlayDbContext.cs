using Microsoft.EntityFrameworkCore;

namespace Outlay.Api.Data;

public sealed class PostgresOutlayDbContext(DbContextOptions<PostgresOutlayDbContext> options) : OutlayDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
}
