using Outlay.Api.Auth;

namespace Outlay.Api.Insights;

public static class InsightEndpoints
{
    public static IEndpointRouteBuilder MapInsightEndpoints(this IEndpointRouteBuilder api)
    {
        var insights = api.MapGroup("/insights").WithTags("Insights").RequireAuthorization(Policies.User);
        insights.MapGet("/", GetInsights.HandleAsync).WithName("GetInsights")
            .WithSummary("Personalised tips from the user's own spending, each with the numbers behind it in data.");
        return api;
    }
}
