using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public sealed record CreateExpenseRequest(
    [property: Required] decimal? Amount,
    [property: StringLength(3)] string? Currency,
    [property: Required] DateOnly? OccurredOn,
    DateTimeOffset? OccurredAt,
    Guid? CategoryId,
    [property: StringLength(ExpenseRules.MaxMerchantLength)] string? Merchant,
    [property: StringLength(ExpenseRules.MaxNoteLength)] string? Note,
    List<string?>? Tags,
    [property: StringLength(ExpenseRules.MaxPaymentMethodLength)] string? PaymentMethod);

public static class CreateExpense
{
    public static async Task<Results<Created<ExpenseResponse>, ValidationProblem, NotFound>> HandleAsync(
        CreateExpenseRequest request,
        CurrentUser me,
        OutlayDbContext db,
        CategoryGuesser guesser,
        ExpenseCache cache,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var userCurrency = await db.Users.Where(u => u.Id == me.Id).Select(u => u.Currency).SingleOrDefaultAsync(cancellationToken);
        if (userCurrency is null)
        {
            return TypedResults.NotFound();
        }

        var (draft, errors) = new ExpenseDraft(
            request.Amount!.Value, request.Currency ?? userCurrency, request.OccurredOn!.Value, request.OccurredAt,
            request.Merchant, request.Note, request.Tags, request.PaymentMethod).Validate(clock);
        var category = request.CategoryId is { } chosen
            ? await db.Categories.AsNoTracking().Where(c => c.Id == chosen && c.UserId == me.Id).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (request.CategoryId is not null && category is null)
        {
            errors["categoryId"] = ["No such category."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var expense = new Expense { UserId = me.Id, Currency = draft.Currency, CategoryChosenByUser = category is not null };
        draft.ApplyTo(expense);
        if (category is null)
        {
            var chooser = await guesser.ForUserAsync(me.Id, [expense.MerchantKey ?? string.Empty], cancellationToken);
            if (chooser.Choose(draft.Merchant, draft.Note) is not { } guessed)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["categoryId"] = ["Choose a category: you have no Other category to fall back on."] });
            }

            expense.CategoryId = guessed;
        }
        else
        {
            expense.CategoryId = category.Id;
        }

        db.Expenses.Add(expense);
        await db.SaveChangesAsync(cancellationToken);
        await cache.ChangedAsync(me.Id, expense.Id, cancellationToken);

        var name = category?.Name ?? await db.Categories.Where(c => c.Id == expense.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken);
        var body = ExpenseResponse.From(expense, name);
        response.Headers.ETag = body.ETag;
        return TypedResults.Created($"/api/v1/expenses/{expense.Id}", body);
    }
}
