namespace Outlay.Api.Insights;

public static class InsightSetup
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddOptions<InsightOptions>().BindConfiguration(InsightOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InsightFinder>();
        return services;
    }
}
