using Outlay.Api.Auth;

namespace Outlay.Api.Reports;

public static class ReportEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.User);
        reports.MapGet("/summary", GetSummary.HandleAsync).WithName("GetSummary")
            .WithSummary("Totals, categories, daily or monthly series and comparisons for a week, month or year.");
        reports.MapGet("/trend", GetTrend.HandleAsync).WithName("GetTrend")
            .WithSummary("The last N weeks or months by category, oldest first.");

        var admin = api.MapGroup("/admin/reports").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/summary", GetSystemSummary.HandleAsync).WithName("GetSystemSummary")
            .WithSummary("System-wide users, sign-ups and spending by category, with no personal details.");
        return api;
    }
}
