using System.Globalization;
using System.Net;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Expenses;

public sealed class ListExpensesTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task List_PagesThroughEveryExpenseOnceInAStableOrderWithTies()
    {
        var user = await app.RegisterUserAsync();
        var created = new List<TestExpense>();
        for (var i = 0; i < 23; i++)
        {
            // Many expenses share a day and an amount: ties must be broken by id, never repeated or skipped.
            created.Add(await user.AddExpenseAsync(amount: (i % 3 + 1) + ".00", occurredOn: $"2026-10-{i % 4 + 1:00}"));
        }

        foreach (var sort in new[] { "occurredOn:desc", "occurredOn:asc", "amount:desc", "amount:asc" })
        {
            var listed = await user.ListAllAsync($"sort={sort}&limit=5");

            Assert.Equal(created.Select(e => e.Id).Order(), listed.Select(e => e.Id).Order());
            var expected = sort switch
            {
                "occurredOn:desc" => created.OrderByDescending(e => e.OccurredOn, StringComparer.Ordinal).Select(e => e.OccurredOn),
                "occurredOn:asc" => created.OrderBy(e => e.OccurredOn, StringComparer.Ordinal).Select(e => e.OccurredOn),
                "amount:desc" => created.OrderByDescending(e => decimal.Parse(e.Amount, CultureInfo.InvariantCulture)).Select(e => e.Amount),
                _ => created.OrderBy(e => decimal.Parse(e.Amount, CultureInfo.InvariantCulture)).Select(e => e.Amount),
            };
            var actual = sort.StartsWith("occurredOn", StringComparison.Ordinal) ? listed.Select(e => e.OccurredOn) : listed.Select(e => e.Amount);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task List_FiltersByEveryCriterion()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        var coffee = await user.AddExpenseAsync(amount: "4.50", merchant: "Blue Bottle Coffee", occurredOn: "2026-09-10", categoryId: categories["Food & Dining"], tags: ["caffeine"]);
        var rent = await user.AddExpenseAsync(amount: "1200.00", merchant: "Landlord", note: "October RENT", occurredOn: "2026-10-01", categoryId: categories["Housing"]);
        var books = await user.AddExpenseAsync(amount: "35.00", merchant: "Bookshop", occurredOn: "2026-10-15", categoryId: categories["Shopping"], tags: ["gift", "caffeine"]);

        Assert.Equal([books.Id, rent.Id], (await user.ListAllAsync("from=2026-10-01&to=2026-10-31")).Select(e => e.Id));
        Assert.Equal([rent.Id], (await user.ListAllAsync($"categoryId={categories["Housing"]}")).Select(e => e.Id));
        Assert.Equal([coffee.Id], (await user.ListAllAsync("q=BOTTLE")).Select(e => e.Id));
        Assert.Equal([rent.Id], (await user.ListAllAsync("q=rent")).Select(e => e.Id));
        Assert.Equal([books.Id, coffee.Id], (await user.ListAllAsync("minAmount=4.50&maxAmount=35")).Select(e => e.Id));
        Assert.Equal([books.Id, coffee.Id], (await user.ListAllAsync("tag=caffeine")).Select(e => e.Id));
        Assert.Equal(3, (await user.ListAllAsync("source=manual")).Count);
        Assert.Empty(await user.ListAllAsync("source=sms"));
    }

    [Fact]
    public async Task List_NeverShowsAnotherUsersExpenses()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        await owner.AddExpenseAsync(merchant: "Private purchase");

        Assert.Empty(await stranger.ListAllAsync());
        Assert.Empty(await stranger.ListAllAsync("q=private"));
    }

    [Theory]
    [InlineData("sort=merchant:asc", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=bogus", "cursor")]
    [InlineData("source=fax", "source")]
    [InlineData("from=2026-10-10&to=2026-10-01", "from")]
    public async Task List_WithBadQuery_ReturnsValidationProblem(string query, string field)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync("/api/v1/expenses?" + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task List_WithAMalformedDate_Returns400Problem()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync("/api/v1/expenses?from=yesterday");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_CursorFromAnotherSort_IsRefused()
    {
        var user = await app.RegisterUserAsync();
        await user.AddExpenseAsync();
        await user.AddExpenseAsync();
        var page = await user.Client.GetFromJsonAsync<ExpensePage>("/api/v1/expenses?limit=1");

        var response = await user.Client.GetAsync($"/api/v1/expenses?limit=1&sort=amount:asc&cursor={page!.NextCursor}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
