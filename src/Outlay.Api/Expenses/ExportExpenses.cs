using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

/// <summary>
/// The user's expenses as RFC 4180 CSV in the columns import reads, so a file exported here imports
/// back unchanged. Rows are streamed from the query to the response, never held all at once.
/// </summary>
public static class ExportExpenses
{
    private static readonly string[] Formats = ["csv"];

    public static Results<PushStreamHttpResult, ValidationProblem> Handle(
        CurrentUser me, OutlayDbContext db, string? format, DateOnly? from, DateOnly? to, HttpResponse response)
    {
        var errors = new Dictionary<string, string[]>();
        format ??= "csv";
        if (!Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            errors["format"] = ["format must be csv."];
        }

        if (from > to)
        {
            errors["from"] = ["from must not be after to."];
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

        var rows = expenses.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id)
            .Join(db.Categories, e => e.CategoryId, c => c.Id, (e, c) => new ExportRow(e.OccurredOn, e.Amount, e.Currency, c.Name, e.Merchant, e.Note));

        var fileName = $"outlay-expenses-{from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}-{to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "end"}.csv";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Stream(stream => WriteAsync(stream, rows, response.HttpContext.RequestAborted), "text/csv; charset=utf-8");
    }

    private static async Task WriteAsync(Stream stream, IQueryable<ExportRow> rows, CancellationToken cancellationToken)
    {
        // No formula escaping (CsvWriterOptions.Injection): it would change merchants and notes on the way back in.
        await using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in ImportExpenses.Columns)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var currency = row.Currency.Trim();
            csv.WriteField(row.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(Money.ToMinorUnits(row.Amount, currency).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(currency);
            csv.WriteField(SpreadsheetSafeText.Escape(row.Category));
            csv.WriteField(SpreadsheetSafeText.Escape(row.Merchant ?? string.Empty));
            csv.WriteField(SpreadsheetSafeText.Escape(row.Note ?? string.Empty));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private sealed record ExportRow(DateOnly OccurredOn, decimal Amount, string Currency, string Category, string? Merchant, string? Note);
}
