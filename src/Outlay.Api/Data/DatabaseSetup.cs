using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddOutlayDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TimestampInterceptor>();

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<OutlayDbContext, PostgresOutlayDbContext>((provider, options) => options
                .UseNpgsql(database.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(
                    database.MaxRetryCount, TimeSpan.FromSeconds(database.MaxRetryDelaySeconds), errorCodesToAdd: null))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(provider.GetRequiredService<TimestampInterceptor>()));
        }
        else
        {
            services.AddDbContextPool<OutlayDbContext, SqliteOutlayDbContext>((provider, options) => options
                .UseSqlite(SqliteConnectionString(provider))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(provider.GetRequiredService<TimestampInterceptor>()));
        }

        return services;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        await db.Database.MigrateAsync();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private static string SqliteConnectionString(IServiceProvider provider)
    {
        var configured = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataPath = provider.GetRequiredService<IOptions<OutlayOptions>>().Value.ResolveDataPath();
        OutlayOptions.CreatePrivateDirectory(dataPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, "outlay.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
