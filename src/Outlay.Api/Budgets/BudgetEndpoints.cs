using Outlay.Api.Auth;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Budgets;

public static class BudgetEndpoints
{
    public static IEndpointRouteBuilder MapBudgetEndpoints(this IEndpointRouteBuilder api)
    {
        var budgets = api.MapGroup("/budgets").WithTags("Budgets").RequireAuthorization(Policies.User);
        budgets.MapGet("/", ListBudgets.HandleAsync).WithName("ListBudgets")
            .WithSummary("The user's budgets, each with spent, remaining, percent and projected spend for the current period.");
        budgets.MapPost("/", CreateBudget.HandleAsync).WithName("CreateBudget").WithMetadata(new IdempotentAttribute())
            .WithSummary("Set a weekly, monthly or yearly budget, overall (no categoryId) or for one category; one per category and period.");
        budgets.MapPatch("/{id:guid}", UpdateBudget.HandleAsync).WithName("UpdateBudget")
            .WithSummary("Change the amount, period or alert thresholds of a budget.");
        budgets.MapDelete("/{id:guid}", DeleteBudget.HandleAsync).WithName("DeleteBudget");
        return api;
    }
}
