using Outlay.Api.Auth;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Expenses;

public static class ExpenseEndpoints
{
    public static IEndpointRouteBuilder MapExpenseEndpoints(this IEndpointRouteBuilder api)
    {
        var expenses = api.MapGroup("/expenses").WithTags("Expenses").RequireAuthorization(Policies.User);
        expenses.MapGet("/", ListExpenses.HandleAsync).WithName("ListExpenses")
            .WithSummary("A keyset page of the user's expenses, filtered and sorted.");
        expenses.MapPost("/", CreateExpense.HandleAsync).WithName("CreateExpense").WithMetadata(new IdempotentAttribute())
            .WithSummary("Record an expense; without categoryId the category is chosen from the merchant and note.");
        expenses.MapGet("/{id:guid}", GetExpense.HandleAsync).WithName("GetExpense");
        expenses.MapPatch("/{id:guid}", UpdateExpense.HandleAsync).WithName("UpdateExpense")
            .WithSummary("Change some fields; send If-Match with the ETag to refuse lost updates (412).");
        expenses.MapDelete("/{id:guid}", DeleteExpense.HandleAsync).WithName("DeleteExpense")
            .WithSummary("Delete, restorable for the retention period.");
        expenses.MapPost("/{id:guid}/restore", RestoreExpense.HandleAsync).WithName("RestoreExpense");
        expenses.MapPost("/import", ImportExpenses.HandleAsync).WithName("ImportExpenses").Accepts<string>(ImportExpenses.ContentType)
            .WithMetadata(ImportExpenses.BodyLimit(api.ServiceProvider))
            .WithSummary("Import a CSV file all-or-nothing, skipping exact duplicates; ?dryRun=true only reports.");
        expenses.MapGet("/export", ExportExpenses.Handle).WithName("ExportExpenses")
            .WithSummary("The expenses as CSV that import accepts back.");
        return api;
    }
}
