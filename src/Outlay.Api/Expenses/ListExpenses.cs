using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Expenses;

/// <summary>The last row of a page: where the next page starts, in the order it was asked for.</summary>
public sealed record ExpenseCursor(string Sort, DateOnly OccurredOn, decimal Amount, Guid Id);

public static class ListExpenses
{
    private static readonly string[] Sorts = ["occurredOn:desc", "occurredOn:asc", "amount:desc", "amount:asc"];

    /// <summary>
    /// Filters, then a keyset page in a stable order (ties broken by id). Each sort walks an index that
    /// starts with (user_id, sort key, id), and the cursor's key is also a range bound, so a deep page
    /// costs the same as the first.
    /// </summary>
    public static async Task<Results<Ok<Page<ExpenseResponse>>, ValidationProblem>> HandleAsync(
        CurrentUser me,
        OutlayDbContext db,
        DateOnly? from,
        DateOnly? to,
        Guid? categoryId,
        string? q,
        decimal? minAmount,
        decimal? maxAmount,
        string? tag,
        string? source,
        string? sort,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        sort ??= Sorts[0];
        var errors = new Dictionary<string, string[]>();
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"sort must be one of {string.Join(", ", Sorts)}."];
        }

        ExpenseSource? sourceFilter = null;
        if (source is not null)
        {
            if (Enum.TryParse<ExpenseSource>(source, ignoreCase: true, out var parsed) && !int.TryParse(source, out _))
            {
                sourceFilter = parsed;
            }
            else
            {
                errors["source"] = ["source must be manual, sms, import or recurring."];
            }
        }

        if (from > to)
        {
            errors["from"] = ["from must not be after to."];
        }

        if (minAmount > maxAmount)
        {
            errors["minAmount"] = ["minAmount must not be above maxAmount."];
        }

        if (Paging.TryRead<ExpenseCursor>(limit, cursor, out var take, out var after) is { } pagingProblem)
        {
            foreach (var (key, messages) in pagingProblem.ProblemDetails.Errors)
            {
                errors[key] = messages;
            }
        }
        else if (after is not null && after.Sort != sort)
        {
            errors["cursor"] = ["This cursor belongs to another sort order."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var expenses = db.Expenses.AsNoTracking().Where(e => e.UserId == me.Id);
        if (from is { } fromDay)
        {
            expenses = expenses.Where(e => e.OccurredOn >= fromDay);
        }

        if (to is { } toDay)
        {
            expenses = expenses.Where(e => e.OccurredOn <= toDay);
        }

        if (categoryId is { } category)
        {
            expenses = expenses.Where(e => e.CategoryId == category);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            expenses = expenses.Where(e => (e.Merchant != null && e.Merchant.ToLower().Contains(text)) || (e.Note != null && e.Note.ToLower().Contains(text)));
        }

        if (minAmount is { } min)
        {
            expenses = expenses.Where(e => e.Amount >= min);
        }

        if (maxAmount is { } max)
        {
            expenses = expenses.Where(e => e.Amount <= max);
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            var wanted = tag.Trim();
            expenses = expenses.Where(e => e.Tags.Contains(wanted));
        }

        if (sourceFilter is { } wantedSource)
        {
            expenses = expenses.Where(e => e.Source == wantedSource);
        }

        expenses = Order(expenses, sort, after);
        var rows = await expenses.Take(take + 1)
            .Join(db.Categories, e => e.CategoryId, c => c.Id, (e, c) => new { Expense = e, c.Name })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => ExpenseResponse.From(r.Expense, r.Name)).ToList();
        return TypedResults.Ok(Paging.PageOf(items, take, e => new ExpenseCursor(sort, e.OccurredOn, e.Amount, e.Id)));
    }

    private static IQueryable<Expense> Order(IQueryable<Expense> expenses, string sort, ExpenseCursor? after) => sort switch
    {
        "occurredOn:asc" => (after is null ? expenses : expenses.Where(e => e.OccurredOn >= after.OccurredOn
                && (e.OccurredOn > after.OccurredOn || e.Id.CompareTo(after.Id) > 0)))
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Id),
        "amount:desc" => (after is null ? expenses : expenses.Where(e => e.Amount <= after.Amount
                && (e.Amount < after.Amount || e.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(e => e.Amount).ThenByDescending(e => e.Id),
        "amount:asc" => (after is null ? expenses : expenses.Where(e => e.Amount >= after.Amount
                && (e.Amount > after.Amount || e.Id.CompareTo(after.Id) > 0)))
            .OrderBy(e => e.Amount).ThenBy(e => e.Id),
        _ => (after is null ? expenses : expenses.Where(e => e.OccurredOn <= after.OccurredOn
                && (e.OccurredOn < after.OccurredOn || e.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id),
    };
}
