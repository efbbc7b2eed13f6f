using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Expenses;

public sealed class CreateExpenseTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Create_WithValidInput_Returns201WithLocationETagAndStringAmount()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/expenses", new
        {
            amount = "1234.50",
            currency = "USD",
            occurredOn = "2026-11-20",
            occurredAt = "2026-11-20T09:15:00+05:30",
            categoryId = categories["Shopping"],
            merchant = "Corner Hardware",
            note = "hinges",
            tags = new[] { "home", "diy" },
            paymentMethod = "card",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.String, body.GetProperty("amount").ValueKind);
        Assert.Equal("1234.50", body.GetProperty("amount").GetString());
        Assert.Equal("Shopping", body.GetProperty("categoryName").GetString());
        Assert.Equal("manual", body.GetProperty("source").GetString());
        Assert.Equal(["home", "diy"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"/api/v1/expenses/{body.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var fetched = await user.Client.GetAsync(response.Headers.Location);
        Assert.Equal(response.Headers.ETag, fetched.Headers.ETag);
    }

    [Theory]
    [InlineData("0.01", "USD", "0.01")]
    [InlineData("1250", "JPY", "1250")]
    [InlineData("1.250", "KWD", "1.250")]
    [InlineData("7", "EUR", "7.00")]
    public async Task Create_WithAmountsInTheCurrencysMinorUnit_KeepsThemExactly(string amount, string currency, string expected)
    {
        var user = await app.RegisterUserAsync();

        var expense = await user.AddExpenseAsync(amount: amount, currency: currency);

        Assert.Equal(expected, expense.Amount);
        Assert.Equal(currency, expense.Currency);
    }

    [Fact]
    public async Task Create_WithAJsonNumberAmount_IsAccepted()
    {
        var user = await app.RegisterUserAsync();

        var expense = await user.AddExpenseAsync(amount: 12.5m);

        Assert.Equal("12.50", expense.Amount);
    }

    [Fact]
    public async Task Create_WithoutCurrency_UsesTheUsersCurrency()
    {
        var user = await app.RegisterUserAsync();
        await user.Client.PatchAsJsonAsync("/api/v1/me", new { currency = "INR" });

        var expense = await user.AddExpenseAsync();

        Assert.Equal("INR", expense.Currency);
    }

    [Theory]
    [InlineData("{\"amount\":\"0\",\"occurredOn\":\"2026-11-01\"}", "amount")]
    [InlineData("{\"amount\":\"-5\",\"occurredOn\":\"2026-11-01\"}", "amount")]
    [InlineData("{\"amount\":\"12.345\",\"currency\":\"USD\",\"occurredOn\":\"2026-11-01\"}", "amount")]
    [InlineData("{\"amount\":\"1250.5\",\"currency\":\"JPY\",\"occurredOn\":\"2026-11-01\"}", "amount")]
    [InlineData("{\"amount\":\"1000000000000\",\"occurredOn\":\"2026-11-01\"}", "amount")]
    [InlineData("{\"amount\":\"5\",\"currency\":\"XYZ\",\"occurredOn\":\"2026-11-01\"}", "currency")]
    [InlineData("{\"amount\":\"5\",\"occurredOn\":\"1900-01-01\"}", "occurredOn")]
    [InlineData("{\"amount\":\"5\",\"occurredOn\":\"2999-01-01\"}", "occurredOn")]
    [InlineData("{\"occurredOn\":\"2026-11-01\"}", "amount")]
    [InlineData("{\"amount\":\"5\"}", "occurredOn")]
    public async Task Create_WithAnInvalidField_ReturnsValidationProblemNamingIt(string json, string field)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsync("/api/v1/expenses", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Empty(await user.ListAllAsync());
    }

    [Theory]
    [InlineData("{\"amount\":\"twelve\",\"occurredOn\":\"2026-11-01\"}")]
    [InlineData("{\"amount\":\"5\",\"occurredOn\":\"2026-02-30\"}")]
    [InlineData("{\"amount\":\"5\",\"occurredOn\":\"2026-11-01\",\"tags\":\"not-a-list\"}")]
    [InlineData("{\"amount\":true,\"occurredOn\":\"2026-11-01\"}")]
    public async Task Create_WithWrongTypesOrImpossibleDays_Returns400Problem(string json)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsync("/api/v1/expenses", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithTooManyOrTooLongTagsOrText_ReturnsValidationProblem()
    {
        var user = await app.RegisterUserAsync();

        var tooMany = await user.Client.PostAsJsonAsync("/api/v1/expenses", new { amount = "5", occurredOn = "2026-11-01", tags = Enumerable.Range(0, 21).Select(i => $"t{i}") });
        var longTag = await user.Client.PostAsJsonAsync("/api/v1/expenses", new { amount = "5", occurredOn = "2026-11-01", tags = new[] { new string('x', 41) } });
        var longMerchant = await user.Client.PostAsJsonAsync("/api/v1/expenses", new { amount = "5", occurredOn = "2026-11-01", merchant = new string('m', 201) });
        var longNote = await user.Client.PostAsJsonAsync("/api/v1/expenses", new { amount = "5", occurredOn = "2026-11-01", note = new string('n', 1001) });

        Assert.True((await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("tags", out _));
        Assert.True((await longTag.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("tags", out _));
        Assert.True((await longMerchant.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("merchant", out _));
        Assert.True((await longNote.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
    }

    [Fact]
    public async Task Create_WithAnotherUsersCategory_ReturnsValidationProblemOnCategoryId()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        var foreign = (await owner.CategoriesAsync())["Travel"];

        var response = await stranger.Client.PostAsJsonAsync("/api/v1/expenses", new { amount = "5", occurredOn = "2026-11-01", categoryId = foreign });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("categoryId", out _));
    }

    [Fact]
    public async Task Create_WithEmojiAndScriptInText_StoresThemVerbatim()
    {
        var user = await app.RegisterUserAsync();

        var expense = await user.AddExpenseAsync(merchant: "Café ☕ 🍩", note: "<script>alert('x')</script> '; DROP TABLE expenses; --", tags: ["🎉"]);

        Assert.Equal("Café ☕ 🍩", expense.Merchant);
        Assert.Equal("<script>alert('x')</script> '; DROP TABLE expenses; --", expense.Note);
        Assert.Equal(["🎉"], expense.Tags);
    }

    [Theory]
    [InlineData("UBER *TRIP HELP.UBER.COM", "Transport")]
    [InlineData("NETFLIX.COM", "Subscriptions")]
    [InlineData("Shell petrol station", "Transport")]
    [InlineData("Quux Zyzzyva Ventures", "Other")]
    public async Task Create_WithoutCategory_GuessesFromTheMerchant(string merchant, string expected)
    {
        var user = await app.RegisterUserAsync();

        var expense = await user.AddExpenseAsync(merchant: merchant);

        Assert.Equal(expected, expense.CategoryName);
    }

    [Fact]
    public async Task Create_WithoutCategory_PrefersTheCategoryTheUserChoseMostForThatMerchant()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        await user.AddExpenseAsync(merchant: "STARBUCKS #1234 SEATTLE", categoryId: categories["Entertainment"]);
        await user.AddExpenseAsync(merchant: "Starbucks #1234 Seattle", categoryId: categories["Entertainment"]);
        await user.AddExpenseAsync(merchant: "STARBUCKS #1234 SEATTLE", categoryId: categories["Food & Dining"]);

        var guessed = await user.AddExpenseAsync(merchant: "starbucks #1234 seattle");

        Assert.Equal("Entertainment", guessed.CategoryName);
    }

    [Fact]
    public async Task Create_AnotherUsersHistory_NeverInfluencesTheGuess()
    {
        var other = await app.RegisterUserAsync();
        await other.AddExpenseAsync(merchant: "Netflix.com", categoryId: (await other.CategoriesAsync())["Health"]);
        var user = await app.RegisterUserAsync();

        var guessed = await user.AddExpenseAsync(merchant: "Netflix.com");

        Assert.Equal("Subscriptions", guessed.CategoryName);
    }
}
