using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Categories.AutoCategorisation;
using Outlay.Api.Data;

namespace Outlay.Api.Expenses;

public sealed record ImportExpensesResponse(int Imported, int Duplicates, IReadOnlyList<ImportLineError> Errors);

/// <summary>A problem with one line of an imported file; the header is line 1.</summary>
public sealed record ImportLineError(int Line, string Message);

/// <summary>
/// CSV import, all-or-nothing: every row is checked first (the rules of <see cref="ExpenseDraft"/>),
/// exact duplicates of the user's existing expenses are skipped, and the rest is saved in one
/// transaction. Lines are physical lines of the file: a quoted field spanning two lines makes the rows
/// after it one line later, as a text editor shows them.
/// </summary>
public static class ImportExpenses
{
    public const string ContentType = "text/csv";

    /// <summary>The columns, in the order export writes them; import accepts them in any order and case.</summary>
    public static readonly string[] Columns = ["date", "amount", "currency", "category", "merchant", "note"];

    /// <summary>A file with thousands of bad rows gets a readable report, not a megabyte of JSON.</summary>
    private const int MaxReportedErrors = 1000;

    /// <summary>Rows per INSERT on PostgreSQL: fewer round trips, while statements stay small enough to bind quickly.</summary>
    private const int RowsPerInsert = 100;

    /// <summary>Lets RequestBodyLimitMiddleware and Kestrel accept an import as large as the options allow.</summary>
    public static RequestSizeLimitAttribute BodyLimit(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<ExpenseOptions>>().Value.ImportMaxBytes);

    public static async Task<Results<Ok<ImportExpensesResponse>, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        bool? dryRun,
        CurrentUser me,
        OutlayDbContext db,
        CategoryGuesser guesser,
        ExpenseCache cache,
        TimeProvider clock,
        IOptions<ExpenseOptions> options,
        CancellationToken cancellationToken)
    {
        if (!IsUtf8Csv(request.ContentType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type.",
                detail: "Send the file as text/csv in UTF-8.");
        }

        var limit = options.Value.ImportMaxBytes;
        if (await ReadBodyAsync(request.Body, limit, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: $"An import file has at most {limit} bytes.");
        }

        if (NotCsv(body.Span) is { } notCsv)
        {
            return NothingImported(notCsv, 0, []);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => new { u.Currency }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user.");
        }

        var errors = new List<ImportLineError>();
        if (Parse(body, user.Currency, clock, errors) is not { } parsed)
        {
            return NothingImported(errors[0].Message, 0, errors);
        }

        var categories = await LoadCategoriesAsync(db, me.Id, cancellationToken);
        var automatic = parsed.Where(r => r.CategoryName is null).ToList();
        var chooser = automatic.Count == 0 ? null : await guesser.ForUserAsync(
            me.Id, [.. automatic.Select(r => MerchantNormaliser.Normalise(r.Draft.Merchant)).Distinct()], cancellationToken);
        var rows = new List<ImportRow>(parsed.Count);
        foreach (var row in parsed)
        {
            if (row.CategoryName is { } name)
            {
                rows.Add(new ImportRow(row.Draft, name, null, Category.Normalize(name)));
            }
            else if (chooser!.Choose(row.Draft.Merchant, row.Draft.Note) is { } guessed && categories.ById.TryGetValue(guessed, out var guessedKey))
            {
                rows.Add(new ImportRow(row.Draft, null, guessed, guessedKey));
            }
            else
            {
                errors.Add(new(row.Line, "category: empty, and there is no Other category to fall back on; name a category."));
            }
        }

        if (errors.Count > 0 || dryRun == true)
        {
            var duplicates = (await FindDuplicatesAsync(db, me.Id, rows, categories.ById, cancellationToken)).Count(d => d);
            return errors.Count > 0
                ? NothingImported(
                    $"{errors.Select(e => e.Line).Distinct().Count()} line(s) have errors{(errors.Count > MaxReportedErrors ? $" (the first {MaxReportedErrors} problems are listed)" : string.Empty)}; fix them and import the file again.",
                    duplicates,
                    errors)
                : TypedResults.Ok(new ImportExpensesResponse(rows.Count - duplicates, duplicates, []));
        }

        try
        {
            var (imported, skipped) = await SaveAsync(db, me.Id, rows, clock, cancellationToken);
            if (imported > 0)
            {
                await cache.ChangedAsync(me.Id, cancellationToken);
            }

            return TypedResults.Ok(new ImportExpensesResponse(imported, skipped, []));
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A category was created at the same time.",
                detail: "Nothing was imported; import the file again.");
        }
    }

    private static bool IsUtf8Csv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The whole body (the row checks need every row before anything is saved), or null when it is over the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                // Kestrel already refuses more than the endpoint's limit; hosts without that limit still stop here.
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string? NotCsv(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return $"The file is empty: the first line must be the header {string.Join(',', Columns)}.";
        }

        return body.Contains((byte)0) || !Utf8.IsValid(body)
            ? "The file is not CSV text: it must be UTF-8 text, not a spreadsheet or another binary file."
            : null;
    }

    /// <summary>The checked rows, or null when the file has no usable header (the reason is the only error).</summary>
    private static List<ParsedRow>? Parse(ReadOnlyMemory<byte> body, string userCurrency, TimeProvider clock, List<ImportLineError> errors)
    {
        var malformed = new List<ImportLineError>();
        using var csv = CsvReader.Create(body, new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => malformed.Add(new((int)record.LineNumber, record.Reason == CsvMalformedReason.FieldCountMismatch
                ? $"Expected {Columns.Length} fields ({string.Join(',', Columns)})."
                : $"Malformed quoting ({record.Reason}): a field with a comma, quote or line break must be enclosed in double quotes, with inner quotes doubled.")),
        });

        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.Count != Columns.Length || Columns.Any(c => !header.Contains(c)))
        {
            var found = string.Join(',', csv.Headers);
            errors.Add(new(1, $"The first line must be the header {string.Join(',', Columns)}; found '{Shorten(found, 80)}'."));
            return null;
        }

        var index = Columns.Select(c => header.IndexOf(c)).ToArray();
        var rows = new List<ParsedRow>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (Check(csv, index, line, userCurrency, clock, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        errors.AddRange(malformed);
        return rows;
    }

    private static ParsedRow? Check(CsvReader csv, int[] index, int line, string userCurrency, TimeProvider clock, List<ImportLineError> errors)
    {
        var dateText = csv.GetString(index[0]).Trim();
        var amountText = csv.GetString(index[1]).Trim();
        var currencyText = csv.GetString(index[2]).Trim();
        var category = ExpenseRules.Clean(SpreadsheetSafeText.Unescape(csv.GetString(index[3])));
        var before = errors.Count;

        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(new(line, dateText.Length == 0 ? "date: required (yyyy-MM-dd)." : $"date: '{Shorten(dateText, 40)}' is not a date in the form yyyy-MM-dd."));
        }

        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(new(line, amountText.Length == 0 ? "amount: required." : $"amount: '{Shorten(amountText, 40)}' is not a number such as 12.50."));
        }

        if (category?.Length > CategoryNameLength)
        {
            errors.Add(new(line, $"category: at most {CategoryNameLength} characters."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var (draft, fieldErrors) = new ExpenseDraft(
            amount, currencyText.Length == 0 ? userCurrency : currencyText, day, null,
            SpreadsheetSafeText.Unescape(csv.GetString(index[4])), SpreadsheetSafeText.Unescape(csv.GetString(index[5])), null, null).Validate(clock);
        foreach (var (field, messages) in fieldErrors)
        {
            var column = field == "occurredOn" ? "date" : field;
            errors.AddRange(messages.Select(message => new ImportLineError(line, $"{column}: {message}")));
        }

        return fieldErrors.Count == 0 ? new ParsedRow(line, draft, category) : null;
    }

    private const int CategoryNameLength = 40;

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static ProblemHttpResult NothingImported(string detail, int duplicates, IReadOnlyList<ImportLineError> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The file cannot be imported; nothing was imported.",
            detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["imported"] = 0,
                ["duplicates"] = duplicates,
                ["errors"] = errors.OrderBy(e => e.Line).Take(MaxReportedErrors).ToList(),
            });

    private static async Task<UserCategories> LoadCategoriesAsync(OutlayDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.NormalizedName }).ToListAsync(cancellationToken);
        return new UserCategories(all.ToDictionary(c => c.Id, c => c.NormalizedName), all.ToDictionary(c => c.NormalizedName, c => c.Id));
    }

    /// <summary>
    /// Which rows repeat an expense the user already has (same day, amount, currency, category, merchant
    /// and note), counted as a multiset: two existing coffees cover two identical rows, not three.
    /// </summary>
    private static async Task<bool[]> FindDuplicatesAsync(
        OutlayDbContext db, Guid userId, List<ImportRow> rows, IReadOnlyDictionary<Guid, string> categoryKeys, CancellationToken cancellationToken)
    {
        var duplicates = new bool[rows.Count];
        if (rows.Count == 0)
        {
            return duplicates;
        }

        var first = rows.Min(r => r.Draft.OccurredOn);
        var last = rows.Max(r => r.Draft.OccurredOn);
        var existing = await db.Expenses.AsNoTracking()
            .Where(e => e.UserId == userId && e.OccurredOn >= first && e.OccurredOn <= last)
            .Select(e => new { e.OccurredOn, e.Amount, e.Currency, e.CategoryId, e.Merchant, e.Note })
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<DuplicateKey, int>(existing.Count);
        foreach (var e in existing)
        {
            if (categoryKeys.TryGetValue(e.CategoryId, out var category))
            {
                var key = new DuplicateKey(e.OccurredOn, Money.ToMinorUnits(e.Amount, e.Currency.Trim()), e.Currency.Trim(), category, e.Merchant, e.Note);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var key = rows[i].Key;
            if (counts.TryGetValue(key, out var left) && left > 0)
            {
                counts[key] = left - 1;
                duplicates[i] = true;
            }
        }

        return duplicates;
    }

    private static async Task<(int Imported, int Duplicates)> SaveAsync(
        OutlayDbContext db, Guid userId, List<ImportRow> rows, TimeProvider clock, CancellationToken cancellationToken)
    {
        // PostgreSQL retries transient failures, which needs the whole transaction as one retriable unit.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // Two imports of the same file at once (a double click) must not both pass the duplicate check.
                // SQLite needs nothing: its transactions begin IMMEDIATE, so writers are already serialised.
                var lockKey = BitConverter.ToInt64(userId.ToByteArray(), 8);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
            }

            var categories = await LoadCategoriesAsync(db, userId, ct);
            var duplicates = await FindDuplicatesAsync(db, userId, rows, categories.ById, ct);
            var byName = new Dictionary<string, Guid>(categories.ByName);
            foreach (var row in rows.Where(r => r.CategoryName is not null && !byName.ContainsKey(r.CategoryKey)))
            {
                var category = new Category { UserId = userId, Name = row.CategoryName!, NormalizedName = row.CategoryKey };
                db.Categories.Add(category);
                byName[row.CategoryKey] = category.Id;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var now = clock.GetUtcNow();
            var expenses = new List<Expense>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                if (duplicates[i])
                {
                    continue;
                }

                var row = rows[i];
                var expense = new Expense
                {
                    UserId = userId,
                    Currency = row.Draft.Currency,
                    CategoryId = row.GuessedCategoryId ?? byName[row.CategoryKey],
                    CategoryChosenByUser = row.CategoryName is not null,
                    Source = ExpenseSource.Import,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                row.Draft.ApplyTo(expense);
                expenses.Add(expense);
            }

            await InsertAsync(db, expenses, ct);
            await transaction.CommitAsync(ct);
            return (expenses.Count, duplicates.Count(d => d));
        }, cancellationToken);
    }

    /// <summary>
    /// Inserts with INSERT statements built from the EF model (table, columns and each column's value
    /// conversion), in the current transaction: the change tracker costs far more than the database for
    /// 100,000 rows. The caller sets the timestamps, since SaveChanges and its interceptor are not involved.
    /// </summary>
    private static async Task InsertAsync(OutlayDbContext db, List<Expense> expenses, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Expense))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Select(p => (Getter: p.GetGetter(), Mapping: p.GetRelationalTypeMapping(), Nullable: p.IsNullable))
            .ToList();

        // PostgreSQL pays a round trip per statement, so many rows go in each. SQLite has no round trip but
        // looks parameters up by name with linear scans: a small statement, prepared once and reused, is fastest.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : RowsPerInsert;
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", entity.GetProperties().Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var names = Enumerable.Range(0, rowsPerStatement * columns.Count).Select(i => sql.GenerateParameterName($"p{i}")).ToArray();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        DbCommand? command = null;
        try
        {
            foreach (var chunk in expenses.Chunk(rowsPerStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    // The first statement (and a shorter last one) gets parameters the type mappings configure.
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = into + string.Join(", ", chunk.Select((_, row) => $"({string.Join(", ", names[(row * columns.Count)..((row + 1) * columns.Count)])})"));
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        foreach (var (getter, mapping, nullable) in columns)
                        {
                            command.Parameters.Add(mapping.CreateParameter(command, names[command.Parameters.Count], getter.GetClrValue(chunk[row]), nullable));
                        }
                    }
                }
                else
                {
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        for (var column = 0; column < columns.Count; column++)
                        {
                            var (getter, mapping, _) = columns[column];
                            var value = getter.GetClrValue(chunk[row]);
                            command.Parameters[(row * columns.Count) + column].Value =
                                (value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                        }
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private sealed record ParsedRow(int Line, ExpenseDraft Draft, string? CategoryName);

    private sealed record UserCategories(IReadOnlyDictionary<Guid, string> ById, IReadOnlyDictionary<string, Guid> ByName);

    /// <summary>A checked row with its category: named in the file (maybe new) or guessed.</summary>
    private sealed record ImportRow(ExpenseDraft Draft, string? CategoryName, Guid? GuessedCategoryId, string CategoryKey)
    {
        public DuplicateKey Key { get; } = new(
            Draft.OccurredOn, Money.ToMinorUnits(Draft.Amount, Draft.Currency), Draft.Currency, CategoryKey, Draft.Merchant, Draft.Note);
    }

    private readonly record struct DuplicateKey(DateOnly Day, decimal Amount, string Currency, string Category, string? Merchant, string? Note);
}
