using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Outlay.Api.IntegrationTests.Expenses;

public sealed class ImportExportTests(OutlayAppFactory app, ITestOutputHelper output) : IClassFixture<OutlayAppFactory>
{
    private const string Header = "date,amount,currency,category,merchant,note";

    [Fact]
    public async Task Import_ValidRows_SavesThemWithTheirFields()
    {
        var user = await app.RegisterUserAsync();
        var myCurrency = (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("currency").GetString();

        var response = await TestExpenses.ImportCsvAsync(user, Csv(
            "2024-03-01,12.50,EUR,Dining,Café Central,lunch with Ana",
            "2024-03-02,3,,Dining,Bakery,",
            "2024-03-03,0.01,USD,Gifts,, "));

        await TestExpenses.AssertImportReportAsync(response, imported: 3, duplicates: 0);
        var expenses = await ListAsync(user);
        Assert.Equal(3, expenses.Count);
        var lunch = expenses.Single(e => e.OccurredOn == "2024-03-01");
        Assert.Equal(("12.50", "EUR", "Dining", "Café Central", "lunch with Ana"), (lunch.Amount, lunch.Currency, lunch.Category, lunch.Merchant, lunch.Note));
        var bread = expenses.Single(e => e.OccurredOn == "2024-03-02");
        Assert.Equal(myCurrency, bread.Currency);
        Assert.Null(bread.Note);
        var gift = expenses.Single(e => e.OccurredOn == "2024-03-03");
        Assert.Equal(("0.01", "Gifts", null, null), (gift.Amount, gift.Category, gift.Merchant, gift.Note));
        Assert.All(expenses, e => Assert.Equal("import", e.Source));
        var categories = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories");
        Assert.Single(categories.EnumerateArray(), c => c.GetProperty("name").GetString() == "Dining");
    }

    [Fact]
    public async Task Import_RowWithoutCategory_IsCategorisedAutomatically()
    {
        var user = await app.RegisterUserAsync();
        await EnsureCategoryAsync(user, "Transport");
        await EnsureCategoryAsync(user, "Other");

        var response = await TestExpenses.ImportCsvAsync(user, Csv("2024-05-01,18.00,USD,,Uber Trip,airport", "2024-05-02,5.00,USD,,Zzqx Holdings 42,"));

        await TestExpenses.AssertImportReportAsync(response, imported: 2, duplicates: 0);
        var expenses = await ListAsync(user);
        Assert.Equal("Transport", expenses.Single(e => e.Merchant == "Uber Trip").Category);
        Assert.Equal("Other", expenses.Single(e => e.Merchant == "Zzqx Holdings 42").Category);
    }

    [Fact]
    public async Task Import_OneBadRowInAThousand_ImportsNothingAndNamesTheLine()
    {
        var user = await app.RegisterUserAsync();
        var rows = Enumerable.Range(0, 1000).Select(i => $"2024-01-{i % 28 + 1:00},{i + 1}.25,USD,Groceries,Shop {i},").ToArray();
        rows[636] = "2024-01-15,12.345,USD,Groceries,Shop 636,";

        var response = await TestExpenses.ImportCsvAsync(user, Csv(rows));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, problem.GetProperty("imported").GetInt32());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(638, error.GetProperty("line").GetInt32());
        Assert.Contains("amount", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(user));
        Assert.DoesNotContain((await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories")).EnumerateArray(),
            c => c.GetProperty("name").GetString() == "Groceries" && !c.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Import_SeveralBadRows_ReportsEachProblemByLine()
    {
        var user = await app.RegisterUserAsync();

        var response = await TestExpenses.ImportCsvAsync(user, Csv(
            "2024-02-30,5,USD,Food,,",
            "2024-02-01,-5,USD,Food,,",
            "2024-02-01,5,XYZ,Food,,",
            "01/02/2024,five,USD,Food,,",
            "2024-02-01,5,USD,Food,\"unclosed,",
            "2024-02-01,5,USD"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Line == 2 && e.Message.StartsWith("date:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 3 && e.Message.StartsWith("amount:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.StartsWith("currency:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.StartsWith("date:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.StartsWith("amount:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6);
        Assert.Empty(await ListAsync(user));
    }

    [Fact]
    public async Task Import_BadRowAfterAMultiLineField_NamesThePhysicalLine()
    {
        var user = await app.RegisterUserAsync();
        var csv = Header + "\r\n" + "2024-04-01,10,USD,Food,Deli,\"first line\r\nsecond line\r\nthird line\"\r\n" + "2024-04-02,oops,USD,Food,Deli,\r\n";

        var response = await TestExpenses.ImportCsvAsync(user, csv);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(5, Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("latin1")]
    [InlineData("prose")]
    [InlineData("json")]
    [InlineData("empty")]
    [InlineData("no-header")]
    [InlineData("wrong-header")]
    public async Task Import_BodyThatIsNotOurCsv_Returns422AndImportsNothing(string kind)
    {
        var user = await app.RegisterUserAsync();
        byte[] body = kind switch
        {
            "binary" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xD8],
            "latin1" => Encoding.Latin1.GetBytes(Header + "\r\n2024-01-01,5,EUR,Food,Caf\u00e9,\r\n"),
            "prose" => Encoding.UTF8.GetBytes("Dear bank,\nplease find my expenses attached.\n"),
            "json" => Encoding.UTF8.GetBytes("""[{"date":"2024-01-01","amount":"5"}]"""),
            "empty" => [],
            "no-header" => Encoding.UTF8.GetBytes("2024-01-01,5,EUR,Food,Cafe,\r\n"),
            _ => Encoding.UTF8.GetBytes("date,amount,currency,category,shop,note\r\n2024-01-01,5,EUR,Food,Cafe,\r\n"),
        };

        var response = await user.Client.PostAsync("/api/v1/expenses/import", new ByteArrayContent(body) { Headers = { { "Content-Type", "text/csv" } } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, problem.GetProperty("imported").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Empty(await ListAsync(user));
    }

    [Fact]
    public async Task Import_HeaderInAnyCaseWithBomAndLfLines_IsAccepted()
    {
        var user = await app.RegisterUserAsync();
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Date,AMOUNT,Currency,Category,Merchant,Note\n2024-06-01,7.00,USD,Food,Deli,\n")).ToArray();

        var response = await user.Client.PostAsync("/api/v1/expenses/import", new ByteArrayContent(body) { Headers = { { "Content-Type", "text/csv; charset=utf-8" } } });

        await TestExpenses.AssertImportReportAsync(response, imported: 1, duplicates: 0);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("text/csv; charset=iso-8859-1")]
    public async Task Import_WithAnotherContentType_Returns415Problem(string contentType)
    {
        var user = await app.RegisterUserAsync();
        var body = Encoding.UTF8.GetBytes(Csv("2024-01-01,5,USD,Food,Cafe,"));

        var response = await user.Client.PostAsync("/api/v1/expenses/import", new ByteArrayContent(body) { Headers = { { "Content-Type", contentType } } });

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await ListAsync(user));
    }

    [Fact]
    public async Task Import_LargerThan10MiB_Returns413Problem()
    {
        var user = await app.RegisterUserAsync();
        var row = Encoding.UTF8.GetBytes("2024-01-01,5.00,USD,Food,Cafe,padding padding padding\r\n");
        var body = new byte[10 * 1024 * 1024 + 1];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = row[i % row.Length];
        }

        Encoding.UTF8.GetBytes(Header + "\r\n").CopyTo(body, 0);

        var response = await user.Client.PostAsync("/api/v1/expenses/import", new ByteArrayContent(body) { Headers = { { "Content-Type", "text/csv" } } });

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await ListAsync(user));
    }

    [Fact]
    public async Task Import_JustUnder10MiB_IsAccepted()
    {
        var user = await app.RegisterUserAsync();
        var csv = new StringBuilder(Header + "\r\n");
        var note = new string('n', 900);
        var rows = 0;
        while (csv.Length < 10 * 1024 * 1024 - 2000)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2024-01-{rows % 28 + 1:00},{rows + 1}.00,USD,Food,Cafe,{note}\r\n");
            rows++;
        }

        var response = await TestExpenses.ImportCsvAsync(user, csv.ToString(), dryRun: true);

        await TestExpenses.AssertImportReportAsync(response, imported: rows, duplicates: 0);
    }

    [Fact]
    public async Task Import_DryRun_ReportsWithoutSaving()
    {
        var user = await app.RegisterUserAsync();
        var csv = Csv("2024-07-01,4.20,USD,Brand New Category,Kiosk,", "2024-07-02,9.99,USD,Food,Market,");
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv("2024-07-02,9.99,USD,Food,Market,")), imported: 1, duplicates: 0);

        var response = await TestExpenses.ImportCsvAsync(user, csv, dryRun: true);

        await TestExpenses.AssertImportReportAsync(response, imported: 1, duplicates: 1);
        Assert.Single(await ListAsync(user));
        var categories = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories");
        Assert.DoesNotContain(categories.EnumerateArray(), c => c.GetProperty("name").GetString() == "Brand New Category");
    }

    [Fact]
    public async Task Import_DryRunOfABadFile_ReturnsTheSame422Report()
    {
        var user = await app.RegisterUserAsync();

        var response = await TestExpenses.ImportCsvAsync(user, Csv("2024-07-01,4.20,USD,Food,Kiosk,", "2024-07-02,not money,USD,Food,Market,"), dryRun: true);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(3, Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Empty(await ListAsync(user));
    }

    [Fact]
    public async Task Import_SameFileTwice_SkipsTheDuplicates()
    {
        var user = await app.RegisterUserAsync();
        var csv = Csv("2024-08-01,3.50,USD,Coffee,Blue Bottle,", "2024-08-01,3.50,USD,Coffee,Blue Bottle,decaf", "2024-08-02,60.00,EUR,Travel,Hotel Ibis,\"night 1, breakfast\"");
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, csv), imported: 3, duplicates: 0);

        var again = await TestExpenses.ImportCsvAsync(user, csv);

        await TestExpenses.AssertImportReportAsync(again, imported: 0, duplicates: 3);
        Assert.Equal(3, (await ListAsync(user)).Count);
    }

    [Fact]
    public async Task Import_AfterDeletingOneExpense_ImportsOnlyThatOneAgain()
    {
        var user = await app.RegisterUserAsync();
        var csv = Csv("2024-08-01,3.50,USD,Coffee,Blue Bottle,", "2024-08-03,12.00,USD,Food,Deli,");
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, csv), imported: 2, duplicates: 0);
        var deli = (await ListAsync(user)).Single(e => e.Merchant == "Deli");
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/expenses/{deli.Id}")).StatusCode);

        var again = await TestExpenses.ImportCsvAsync(user, csv);

        await TestExpenses.AssertImportReportAsync(again, imported: 1, duplicates: 1);
        Assert.Equal(2, (await ListAsync(user)).Count);
    }

    [Fact]
    public async Task Import_SameFileTwiceAtOnce_ImportsItOnce()
    {
        var user = await app.RegisterUserAsync();
        var csv = Csv([.. Enumerable.Range(0, 300).Select(i => $"2024-08-{i % 28 + 1:00},{i + 1}.00,USD,Coffee,Cafe {i},")]);

        var responses = await Task.WhenAll(TestExpenses.ImportCsvAsync(user, csv), TestExpenses.ImportCsvAsync(user, csv));

        var reports = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(new[] { 0, 300 }, reports.Select(r => r.GetProperty("imported").GetInt32()).Order());
        Assert.Equal(300, reports.Sum(r => r.GetProperty("duplicates").GetInt32()));
        Assert.Equal(300, (await ListAsync(user)).Count);
    }

    [Fact]
    public async Task Import_IdenticalRowsInOneFile_AreCountedAsAMultiset()
    {
        var user = await app.RegisterUserAsync();
        var coffee = "2024-09-01,2.80,USD,Coffee,Corner Cafe,";

        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv(coffee, coffee)), imported: 2, duplicates: 0);
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv(coffee, coffee)), imported: 0, duplicates: 2);
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv(coffee, coffee, coffee)), imported: 1, duplicates: 2);

        Assert.Equal(3, (await ListAsync(user)).Count);
    }

    [Fact]
    public async Task Import_DuplicateDetection_ComparesEveryField()
    {
        var user = await app.RegisterUserAsync();
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv("2024-09-01,2.80,USD,Coffee,Corner Cafe,")), imported: 1, duplicates: 0);

        var response = await TestExpenses.ImportCsvAsync(user, Csv(
            "2024-09-01,2.800,USD,Coffee,Corner Cafe,",
            "2024-09-02,2.80,USD,Coffee,Corner Cafe,",
            "2024-09-01,2.81,USD,Coffee,Corner Cafe,",
            "2024-09-01,2.80,EUR,Coffee,Corner Cafe,",
            "2024-09-01,2.80,USD,Tea,Corner Cafe,",
            "2024-09-01,2.80,USD,Coffee,Corner Café,",
            "2024-09-01,2.80,USD,Coffee,Corner Cafe,to go"));

        await TestExpenses.AssertImportReportAsync(response, imported: 6, duplicates: 1);
    }

    [Fact]
    public async Task ExportThenImport_IntoAFreshAccount_GivesTheSameExpenses()
    {
        var owner = await app.RegisterUserAsync();
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(owner, Csv(
            "2023-12-31,1250,JPY,Travel,\"Tokyo, Station\",\"said \"\"arigato\"\"\"",
            "2024-01-01,1.250,KWD,Shopping,Avenues Mall,\"line one\r\nline two\"",
            "2024-01-01,0.01,USD,Gifts,🎁 Gift Shop,thanks 🙏",
            "2024-01-02,99.90,EUR,Dining,\"=SUM(A1:A2)\",-starts with a dash",
            "2024-01-02,99.90,EUR,Dining,\"=SUM(A1:A2)\",-starts with a dash")), imported: 5, duplicates: 0);
        var food = await EnsureCategoryAsync(owner, "Food");
        var created = await owner.Client.PostAsJsonAsync("/api/v1/expenses",
            new { amount = "42.00", currency = "USD", occurredOn = "2024-02-10", categoryId = food, merchant = "Market, Inc.", note = "  tomatoes  " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var exported = await owner.Client.GetAsync("/api/v1/expenses/export?format=csv");
        var file = await exported.Content.ReadAsByteArrayAsync();
        var fresh = await app.RegisterUserAsync();
        var response = await fresh.Client.PostAsync("/api/v1/expenses/import", new ByteArrayContent(file) { Headers = { { "Content-Type", "text/csv" } } });

        await TestExpenses.AssertImportReportAsync(response, imported: 6, duplicates: 0);
        var before = (await ListAsync(owner)).Select(Comparable).Order().ToList();
        var after = (await ListAsync(fresh)).Select(Comparable).Order().ToList();
        Assert.Equal(6, after.Count);
        Assert.Equal(before, after);
        var reexported = await (await fresh.Client.GetAsync("/api/v1/expenses/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Equal(SortedLines(Encoding.UTF8.GetString(file)), SortedLines(reexported));
        // A spreadsheet opening the file shows the formula-like cells as text rather than running them.
        Assert.Contains("'=SUM(A1:A2)", Encoding.UTF8.GetString(file));
        Assert.Contains(",'-starts with a dash", Encoding.UTF8.GetString(file));

        static string Comparable(ExpenseRow e) => $"{e.OccurredOn}|{e.Amount}|{e.Currency}|{e.Category}|{e.Merchant}|{e.Note}";
    }

    [Fact]
    public async Task Export_WritesRfc4180CsvWithTheHeaderAndAnAttachmentName()
    {
        var user = await app.RegisterUserAsync();
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv(
            "2024-03-05,7.5,USD,Food,\"Bar, \"\"The\"\" Pub\",\"two\nlines\"",
            "2024-03-01,3,USD,Food,Deli,",
            "2024-04-01,3,USD,Food,Later,")), imported: 3, duplicates: 0);

        var response = await user.Client.GetAsync("/api/v1/expenses/export?format=csv&from=2024-03-01&to=2024-03-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=\"outlay-expenses-2024-03-01-2024-03-31.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            Header + "\r\n" +
            "2024-03-01,3.00,USD,Food,Deli,\r\n" +
            "2024-03-05,7.50,USD,Food,\"Bar, \"\"The\"\" Pub\",\"two\nlines\"\r\n",
            text);
    }

    [Fact]
    public async Task Import_QuotedFieldsWithCommasQuotesNewlinesAndEmoji_KeepsThemExactly()
    {
        var user = await app.RegisterUserAsync();
        var csv = Header + "\r\n" +
            "2024-10-01,5.00,USD,Food,\"Smith, Jones & Co\",\"she said \"\"hi\"\"\"\r\n" +
            "2024-10-02,6.00,USD,Food,🍕 Pizza 🇮🇹,\"multi\r\nline\nnote 👍\"\r\n" +
            "2024-10-03,7.00,USD,\"Food\",\"\"\"Quoted\"\"\",\"\"\r\n";

        var response = await TestExpenses.ImportCsvAsync(user, csv);

        await TestExpenses.AssertImportReportAsync(response, imported: 3, duplicates: 0);
        var expenses = await ListAsync(user);
        var smith = expenses.Single(e => e.OccurredOn == "2024-10-01");
        Assert.Equal(("Smith, Jones & Co", "she said \"hi\""), (smith.Merchant, smith.Note));
        var pizza = expenses.Single(e => e.OccurredOn == "2024-10-02");
        Assert.Equal(("🍕 Pizza 🇮🇹", "multi\r\nline\nnote 👍"), (pizza.Merchant, pizza.Note));
        var quoted = expenses.Single(e => e.OccurredOn == "2024-10-03");
        Assert.Equal(("\"Quoted\"", null), (quoted.Merchant, quoted.Note));
    }

    [Fact]
    public async Task Import_JpyWithoutDecimalsAndKwdWithThree_UsesEachCurrencysMinorUnit()
    {
        var user = await app.RegisterUserAsync();

        var bad = await TestExpenses.ImportCsvAsync(user, Csv("2024-11-01,1250.5,JPY,Food,Ramen,", "2024-11-01,1.2345,KWD,Food,Shawarma,"));
        var good = await TestExpenses.ImportCsvAsync(user, Csv("2024-11-01,1250,JPY,Food,Ramen,", "2024-11-01,1.25,KWD,Food,Shawarma,", "2024-11-02,0.001,KWD,Food,Gum,"));

        var problem = await bad.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new[] { 2, 3 }, problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Order());
        await TestExpenses.AssertImportReportAsync(good, imported: 3, duplicates: 0);
        var exported = await (await user.Client.GetAsync("/api/v1/expenses/export")).Content.ReadAsStringAsync();
        Assert.Contains("2024-11-01,1250,JPY,Food,Ramen,\r\n", exported, StringComparison.Ordinal);
        Assert.Contains("2024-11-01,1.250,KWD,Food,Shawarma,\r\n", exported, StringComparison.Ordinal);
        Assert.Contains("2024-11-02,0.001,KWD,Food,Gum,\r\n", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HundredThousandRows_ImportsThemAllAndReimportFindsThemAllDuplicates()
    {
        var user = await app.RegisterUserAsync();
        await EnsureCategoryAsync(user, "Other");
        string[] merchants = ["Uber", "Starbucks", "Walmart", "Netflix", "Shell", "Local Shop"];
        var csv = new StringBuilder(Header + "\r\n");
        var expectedTotal = 0m;
        for (var i = 0; i < 100_000; i++)
        {
            var amount = 1m + (i % 5000) / 100m;
            expectedTotal += amount;
            var category = i % 3 == 0 ? string.Empty : i % 3 == 1 ? "Food" : "Bills";
            csv.Append(CultureInfo.InvariantCulture,
                $"{new DateOnly(2020, 1, 1).AddDays(i % 1500):yyyy-MM-dd},{amount:0.00},USD,{category},{merchants[i % merchants.Length]},row {i}\r\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var response = await TestExpenses.ImportCsvAsync(user, csv.ToString());
        var importTime = stopwatch.Elapsed;
        stopwatch.Restart();
        var dryRun = await TestExpenses.ImportCsvAsync(user, csv.ToString(), dryRun: true);
        var dryRunTime = stopwatch.Elapsed;

        output.WriteLine($"Imported 100,000 rows ({csv.Length / 1024} KiB) on {(TestEnvironment.UsesPostgres ? "PostgreSQL" : "SQLite")} in {importTime.TotalSeconds:F1} s; dry-run re-import {dryRunTime.TotalSeconds:F1} s.");
        await TestExpenses.AssertImportReportAsync(response, imported: 100_000, duplicates: 0);
        await TestExpenses.AssertImportReportAsync(dryRun, imported: 0, duplicates: 100_000);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var saved = await db.Expenses.Where(e => e.UserId == user.Id).Select(e => e.Amount).ToListAsync();
        Assert.Equal(100_000, saved.Count);
        Assert.Equal(expectedTotal, saved.Sum());
        Assert.Equal(66_666, await db.Expenses.CountAsync(e => e.UserId == user.Id && e.CategoryChosenByUser));
    }

    [Fact]
    public async Task Export_NeverIncludesAnotherUsersExpenses()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(owner, Csv("2024-12-01,10.00,USD,Food,Owner Shop,secret")), imported: 1, duplicates: 0);
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(stranger, Csv("2024-12-01,20.00,USD,Food,Stranger Shop,")), imported: 1, duplicates: 0);

        var exported = await (await stranger.Client.GetAsync("/api/v1/expenses/export?format=csv")).Content.ReadAsStringAsync();

        Assert.Equal(Header + "\r\n2024-12-01,20.00,USD,Food,Stranger Shop,\r\n", exported);
    }

    [Fact]
    public async Task Export_LeavesOutDeletedExpenses()
    {
        var user = await app.RegisterUserAsync();
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv("2024-12-01,10.00,USD,Food,Kept,", "2024-12-02,11.00,USD,Food,Deleted,")), imported: 2, duplicates: 0);
        var deleted = (await ListAsync(user)).Single(e => e.Merchant == "Deleted");
        await user.Client.DeleteAsync($"/api/v1/expenses/{deleted.Id}");

        var exported = await (await user.Client.GetAsync("/api/v1/expenses/export")).Content.ReadAsStringAsync();

        Assert.Equal(Header + "\r\n2024-12-01,10.00,USD,Food,Kept,\r\n", exported);
    }

    [Theory]
    [InlineData("format=xlsx", "format")]
    [InlineData("format=csv&from=2024-02-01&to=2024-01-01", "from")]
    public async Task Export_WithAnInvalidQuery_ReturnsValidationProblem(string query, string field)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync($"/api/v1/expenses/export?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task ImportAndExport_WithoutSigningIn_Return401()
    {
        var client = app.CreateClient();

        var import = await client.PostAsync("/api/v1/expenses/import", new StringContent(Csv(), Encoding.UTF8, "text/csv"));
        var export = await client.GetAsync("/api/v1/expenses/export");

        Assert.Equal(HttpStatusCode.Unauthorized, import.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }

    private static string Csv(params string[] rows) => string.Concat(new[] { Header }.Concat(rows).Select(r => r + "\r\n"));

    private static List<string> SortedLines(string csv) => [.. csv.Split("\r\n").Order(StringComparer.Ordinal)];

    private static async Task<Guid> EnsureCategoryAsync(TestUser user, string name)
    {
        var categories = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories");
        foreach (var category in categories.EnumerateArray())
        {
            if (string.Equals(category.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return category.GetProperty("id").GetGuid();
            }
        }

        var created = await user.Client.PostAsJsonAsync("/api/v1/categories", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<ExpenseRow>> ListAsync(TestUser user)
    {
        var rows = new List<ExpenseRow>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetFromJsonAsync<JsonElement>(
                "/api/v1/expenses?limit=200" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"));
            rows.AddRange(page.GetProperty("items").EnumerateArray().Select(e => new ExpenseRow(
                e.GetProperty("id").GetGuid(),
                e.GetProperty("occurredOn").GetString()!,
                e.GetProperty("amount").GetString()!,
                e.GetProperty("currency").GetString()!,
                e.GetProperty("categoryName").GetString()!,
                e.GetProperty("merchant").GetString(),
                e.GetProperty("note").GetString(),
                e.GetProperty("source").GetString()!)));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        return rows;
    }

    private sealed record ExpenseRow(Guid Id, string OccurredOn, string Amount, string Currency, string Category, string? Merchant, string? Note, string Source);
}
