using System.Text;
using Outlay.Web.E2E.Infrastructure;

namespace Outlay.Web.E2E;

/// <summary>
/// Recording a month of spending and reading it back: quick add, the list, the month's report,
/// edit, delete with Undo, CSV import and export. Every test is a new person with an empty account.
/// </summary>
public sealed class ExpenseJourneyTests(OutlayBrowserFixture app) : IClassFixture<OutlayBrowserFixture>
{
    // The browser and a new account both run on UTC, on the fixture's pinned day.
    private static readonly string Today = OutlayBrowserFixture.Today;

    [Fact]
    public async Task QuickAdd_ThreeExpenses_ShowInTheListAndInTheMonthsChartAndTable()
    {
        var page = await SignedInOnExpensesAsync("Quinn Quickadd");

        await QuickAddAsync(page, "12.50", "Corner Café", "Food & Dining");
        await QuickAddAsync(page, "40.00", "FreshMart", "Groceries");
        await QuickAddAsync(page, "7.25", "City Bus", "Transport");

        await Expect(Row(page, "Corner Café")).ToContainTextAsync("$12.50");
        await Expect(Row(page, "FreshMart")).ToContainTextAsync("$40.00");
        await Expect(Row(page, "City Bus")).ToContainTextAsync("$7.25");
        await Screenshots.SaveAsync(page, "expenses");

        await page.GoViaNavigationAsync("Reports");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Month", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Stat(page, "Spent")).ToHaveTextAsync("$59.75");
        await Expect(Stat(page, "Expenses")).ToHaveTextAsync("3");
        var byCategory = page.GetByRole(AriaRole.Table, new() { Name = "Spending by category" });
        await Expect(byCategory.GetByRole(AriaRole.Row).Filter(new() { HasText = "Groceries" })).ToContainTextAsync("$40.00");
        await Expect(byCategory.GetByRole(AriaRole.Row).Filter(new() { HasText = "Food & Dining" })).ToContainTextAsync("$12.50");
        await Expect(byCategory.GetByRole(AriaRole.Row).Filter(new() { HasText = "Transport" })).ToContainTextAsync("$7.25");
        var donut = page.GetByRole(AriaRole.Img, new() { Name = "Donut chart of spending by category" });
        await Expect(donut.Locator("canvas")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Bar chart of spending per day" }).Locator("canvas")).ToBeVisibleAsync();
        await page.GetByText("Daily figures as a table").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Spending per day" })).ToContainTextAsync("$59.75");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Top merchants" })).ToContainTextAsync("FreshMart");
        await Screenshots.SaveAsync(page, "reports-month");
    }

    [Fact]
    public async Task Edit_AnExpense_ShowsTheNewAmountInTheList()
    {
        var page = await SignedInOnExpensesAsync("Eddie Edit");
        await QuickAddAsync(page, "12.50", "Corner Café", "Food & Dining");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Corner Café, $12.50" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Edit expense" });
        await form.GetByLabel("Amount").FillAsync("14.00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(Row(page, "Corner Café")).ToContainTextAsync("$14.00");
        await page.ReloadAsync();
        await Expect(Row(page, "Corner Café")).ToContainTextAsync("$14.00");
    }

    [Fact]
    public async Task Delete_ThenUndo_RestoresTheExpense()
    {
        var page = await SignedInOnExpensesAsync("Dana Delete");
        await QuickAddAsync(page, "9.99", "Cinema City", "Entertainment");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Cinema City, $9.99" }).ClickAsync();

        await Expect(page.GetByText("Deleted Cinema City ($9.99).")).ToBeVisibleAsync();
        await Expect(Row(page, "Cinema City")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.GetByText("Expense restored.")).ToBeVisibleAsync();
        await Expect(Row(page, "Cinema City")).ToContainTextAsync("$9.99");
        // Restored on the server, not just put back on the screen.
        await page.ReloadAsync();
        await Expect(Row(page, "Cinema City")).ToContainTextAsync("$9.99");
    }

    [Fact]
    public async Task ImportCsv_ReportsBadLinesThenImportsAGoodFile()
    {
        var page = await SignedInOnExpensesAsync("Ivy Import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Import expenses from CSV" });

        await panel.GetByLabel("CSV file").SetInputFilesAsync(Csv("bad.csv",
            $"{Today},18.40,USD,Groceries,Green Grocer,weekly shop",
            $"{Today},not-a-number,USD,Transport,Metro,"));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Check file" }).ClickAsync();

        var problems = panel.GetByRole(AriaRole.Alert);
        await Expect(problems).ToContainTextAsync("1 line needs fixing; nothing was imported.");
        await Expect(problems.GetByRole(AriaRole.Table, new() { Name = "Problems by line (the header is line 1)" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = "3" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "expenses-import-errors");

        await panel.GetByLabel("CSV file").SetInputFilesAsync(Csv("good.csv",
            $"{Today},18.40,USD,Groceries,Green Grocer,weekly shop",
            $"{Today},3.10,USD,Transport,Metro,"));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Check file" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Status)).ToContainTextAsync("Ready: 2 expenses to import");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Import 2 expenses" }).ClickAsync();

        await Expect(page.GetByText("Imported 2 expenses.")).ToBeVisibleAsync();
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(Row(page, "Green Grocer")).ToContainTextAsync("$18.40");
        await Expect(Row(page, "Metro")).ToContainTextAsync("$3.10");
    }

    [Fact]
    public async Task ExportCsv_DownloadsTheExpensesInTheImportFormat()
    {
        var page = await SignedInOnExpensesAsync("Ezra Export");
        await QuickAddAsync(page, "23.00", "Book Nook", "Shopping");

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("date,amount,currency,category,merchant,note", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(Today, row, StringComparison.Ordinal);
        Assert.Contains("23.00", row, StringComparison.Ordinal);
        Assert.Contains("Book Nook", row, StringComparison.Ordinal);
    }

    private async Task<IPage> SignedInOnExpensesAsync(string name)
    {
        var page = await app.NewPageAsync();
        await OutlayBrowserFixture.SignUpInBackgroundAsync(page, Account.New(name));
        await page.GotoAsync("/expenses");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expenses", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No expenses yet. Add your first one above.")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The quick-add form with today's date; the category is picked by its name (options may carry an icon).</summary>
    private static async Task QuickAddAsync(IPage page, string amount, string merchant, string category)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add expense" });
        await form.GetByLabel("Amount").FillAsync(amount);
        await form.GetByLabel("Merchant").FillAsync(merchant);
        await Expect(form.GetByLabel("Date")).ToHaveValueAsync(Today);
        var option = form.GetByLabel("Category").Locator("option").Filter(new() { HasText = category });
        await form.GetByLabel("Category").SelectOptionAsync((await option.GetAttributeAsync("value"))!);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add expense" }).ClickAsync();
        await Expect(page.GetByText($"in {category}.")).ToBeVisibleAsync();
        await Expect(form.GetByLabel("Amount")).ToBeEmptyAsync();
        // Read and dismissed, so the next confirmation is the only one on screen (and screenshots stay clear).
        var dismiss = page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" });
        while (await dismiss.CountAsync() > 0)
        {
            await dismiss.First.ClickAsync();
        }
    }

    private static ILocator Row(IPage page, string title) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Expense list" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });

    /// <summary>A figure of the report's summary, found by its term ("Spent", "Expenses").</summary>
    private static ILocator Stat(IPage page, string term) =>
        page.GetByRole(AriaRole.Term).Filter(new() { HasTextString = term }).First.Locator("xpath=following-sibling::dd[1]");

    private static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join('\n', ["date,amount,currency,category,merchant,note", .. rows]) + "\n"),
    };
}
