using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public static class UpdateExpense
{
    /// <summary>
    /// A merge patch: fields that are present change (null clears an optional one), absent fields stay.
    /// With If-Match, a stale version is a 412 and nothing changes; the version check is also part of
    /// the UPDATE itself, so two concurrent patches from the same version cannot both win.
    /// </summary>
    public static async Task<Results<Ok<ExpenseResponse>, ValidationProblem, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id,
        JsonObject patch,
        CurrentUser me,
        OutlayDbContext db,
        CategoryGuesser guesser,
        ExpenseCache cache,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var expense = await db.Expenses.SingleOrDefaultAsync(e => e.Id == id && e.UserId == me.Id, cancellationToken);
        if (expense is null)
        {
            return TypedResults.NotFound();
        }

        if (!ExpenseETag.Matches(http.Request, expense.Version))
        {
            return StaleVersion();
        }

        var fields = new PatchFields(patch);
        var draft = new ExpenseDraft(
            fields.Decimal("amount", expense.Amount),
            fields.String("currency", expense.Currency) ?? expense.Currency,
            fields.Day("occurredOn", expense.OccurredOn),
            fields.Instant("occurredAt", expense.OccurredAt),
            fields.String("merchant", expense.Merchant),
            fields.String("note", expense.Note),
            fields.Strings("tags", expense.Tags),
            fields.String("paymentMethod", expense.PaymentMethod));
        var categoryId = fields.Guid("categoryId", expense.CategoryId);
        var (clean, errors) = draft.Validate(clock);
        foreach (var (field, message) in fields.Errors)
        {
            errors[field] = [message];
        }

        if (patch.ContainsKey("categoryId") && !errors.ContainsKey("categoryId")
            && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.UserId == me.Id, cancellationToken))
        {
            errors["categoryId"] = ["No such category."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var textChanged = clean.Merchant != expense.Merchant || clean.Note != expense.Note;
        clean.ApplyTo(expense);
        if (patch.ContainsKey("categoryId"))
        {
            // An explicit choice, even of the same category, is what teaches the next guess.
            expense.CategoryId = categoryId;
            expense.CategoryChosenByUser = true;
        }
        else if (textChanged && !expense.CategoryChosenByUser)
        {
            var chooser = await guesser.ForUserAsync(me.Id, [expense.MerchantKey ?? string.Empty], cancellationToken);
            expense.CategoryId = chooser.Choose(expense.Merchant, expense.Note) ?? expense.CategoryId;
        }

        expense.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleVersion();
        }

        await cache.ChangedAsync(me.Id, expense.Id, cancellationToken);
        var name = await db.Categories.Where(c => c.Id == expense.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken);
        var body = ExpenseResponse.From(expense, name);
        http.Response.Headers.ETag = body.ETag;
        return TypedResults.Ok(body);
    }

    private static ProblemHttpResult StaleVersion() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The expense was changed since you read it.",
        detail: "Fetch it again and reapply your change.");

    /// <summary>Reads patch fields, keeping the current value when a field is absent and noting type errors.</summary>
    private sealed class PatchFields(JsonObject patch)
    {
        public Dictionary<string, string> Errors { get; } = [];

        public decimal Decimal(string name, decimal current) => Read(name, current, node =>
            node is JsonValue value && (value.TryGetValue<decimal>(out var number)
                || (value.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)))
                ? number
                : throw new FormatException("must be a decimal amount such as \"12.50\""));

        public string? String(string name, string? current) => Read(name, current, node =>
            node is null ? null
            : node is JsonValue value && value.TryGetValue<string>(out var text) ? text
            : throw new FormatException("must be a string"));

        public DateOnly Day(string name, DateOnly current) => Read(name, current, node =>
            node is JsonValue value && value.TryGetValue<string>(out var text)
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new FormatException("must be a calendar day, yyyy-MM-dd"));

        public DateTimeOffset? Instant(string name, DateTimeOffset? current) => Read(name, current, node =>
            node is null ? null
            : node is JsonValue value && value.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                ? instant
                : throw new FormatException("must be an ISO 8601 time with offset"));

        public Guid Guid(string name, Guid current) => Read(name, current, node =>
            node is JsonValue value && value.TryGetValue<string>(out var text) && System.Guid.TryParse(text, out var id)
                ? id
                : throw new FormatException("must be a category id"));

        public List<string?>? Strings(string name, List<string> current) => Read<List<string?>?>(name, [.. current], node =>
            node is null ? []
            : node is JsonArray array && array.All(item => item is JsonValue v && v.TryGetValue<string>(out _))
                ? array.Select(item => item!.GetValue<string>()).ToList<string?>()
                : throw new FormatException("must be an array of strings"));

        private T Read<T>(string name, T current, Func<JsonNode?, T> parse)
        {
            if (!patch.TryGetPropertyValue(name, out var node))
            {
                return current;
            }

            try
            {
                return parse(node);
            }
            catch (Exception exception) when (exception is FormatException or InvalidOperationException or JsonException)
            {
                Errors[name] = exception is FormatException ? $"{name} {exception.Message}." : $"{name} has the wrong type.";
                return current;
            }
        }
    }
}
