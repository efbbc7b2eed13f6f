using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Budgets;

public sealed class BudgetTests : IClassFixture<PinnedClockAppFactory>
{
    private readonly PinnedClockAppFactory app;

    public BudgetTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Create_OverallMonthly_Returns201WithLocationDefaultsAndStatus()
    {
        var user = await app.UserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "500" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/budgets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("categoryId").ValueKind);
        Assert.Equal("month", body.GetProperty("period").GetString());
        Assert.Equal("500.00", body.GetProperty("amount").GetString());
        Assert.Equal("USD", body.GetProperty("currency").GetString());
        Assert.Equal([50, 80, 100], body.GetProperty("alertAt").EnumerateArray().Select(a => a.GetInt32()));
        var status = body.GetProperty("status");
        Assert.Equal("0.00", status.GetProperty("spent").GetString());
        Assert.Equal("500.00", status.GetProperty("remaining").GetString());
        Assert.Equal(JsonValueKind.Number, status.GetProperty("percent").ValueKind);
        Assert.Equal(0, status.GetProperty("percent").GetDouble());
        Assert.Equal("0.00", status.GetProperty("projected").GetString());
        Assert.Equal("2026-11-01", status.GetProperty("start").GetString());
        Assert.Equal("2026-11-30", status.GetProperty("end").GetString());

        var list = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets");
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Create_SameCategoryAndPeriodTwice_Returns409ButOtherPeriodsAreFine()
    {
        var user = await app.UserAsync();
        var food = (await user.CategoriesAsync())["Food & Dining"];

        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "500" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { categoryId = food, period = "month", amount = "200" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { categoryId = food, period = "week", amount = "50" })).StatusCode);

        await (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "600" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { categoryId = food, period = "month", amount = "300" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(3, (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).GetArrayLength());
    }

    [Theory]
    [InlineData("{\"period\":\"month\",\"amount\":\"0\"}", "amount")]
    [InlineData("{\"period\":\"month\",\"amount\":\"-5\"}", "amount")]
    [InlineData("{\"period\":\"month\",\"amount\":\"12.345\"}", "amount")]
    [InlineData("{\"period\":\"month\",\"amount\":\"1000000000000\"}", "amount")]
    [InlineData("{\"period\":\"month\"}", "amount")]
    [InlineData("{\"amount\":\"10\"}", "period")]
    [InlineData("{\"period\":\"month\",\"amount\":\"10\",\"alertAt\":[80,50]}", "alertAt")]
    [InlineData("{\"period\":\"month\",\"amount\":\"10\",\"alertAt\":[50,50]}", "alertAt")]
    [InlineData("{\"period\":\"month\",\"amount\":\"10\",\"alertAt\":[0,50]}", "alertAt")]
    [InlineData("{\"period\":\"month\",\"amount\":\"10\",\"alertAt\":[100,250]}", "alertAt")]
    [InlineData("{\"period\":\"month\",\"amount\":\"10\",\"categoryId\":\"0196f5b0-0000-7000-8000-000000000000\"}", "categoryId")]
    public async Task Create_WithAnInvalidField_ReturnsValidationProblemNamingIt(string json, string field)
    {
        var user = await app.UserAsync();

        var response = await user.Client.PostAsync("/api/v1/budgets", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).GetArrayLength());
    }

    [Theory]
    [InlineData("{\"period\":\"daily\",\"amount\":\"10\"}")]
    [InlineData("{\"period\":\"month\",\"amount\":\"ten\"}")]
    [InlineData("{\"period\":\"month\",\"amount\":\"10\",\"alertAt\":\"50\"}")]
    public async Task Create_WithWrongTypes_Returns400Problem(string json)
    {
        var user = await app.UserAsync();

        var response = await user.Client.PostAsync("/api/v1/budgets", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_InAZeroDecimalCurrency_RefusesCents()
    {
        var user = await app.UserAsync(new { currency = "JPY" });

        var cents = await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "1000.50" });
        var whole = await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "1000" });

        var problem = await cents.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal("1000", (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Create_ForAnotherUsersCategory_ReturnsValidationProblem()
    {
        var owner = await app.UserAsync();
        var stranger = await app.UserAsync();
        var theirs = (await owner.CategoriesAsync())["Groceries"];

        var response = await stranger.Client.PostAsJsonAsync("/api/v1/budgets", new { categoryId = theirs, period = "month", amount = "10" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("categoryId", out _));
    }

    [Fact]
    public async Task UpdateAndDelete_BudgetOfAnotherUser_ReturnNotFoundAndChangeNothing()
    {
        var owner = await app.UserAsync();
        var stranger = await app.UserAsync();
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "week", amount = "70" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        await (await stranger.Client.PatchAsJsonAsync($"/api/v1/budgets/{id}", new { amount = "1" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/api/v1/budgets/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).GetArrayLength());
        var mine = Assert.Single((await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).EnumerateArray());
        Assert.Equal("70.00", mine.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Update_ChangesGivenFieldsAndRefusesAClashingPeriod()
    {
        var user = await app.UserAsync();
        await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "year", amount = "9000" });
        var created = await (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "500" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var changed = await user.Client.PatchAsJsonAsync($"/api/v1/budgets/{id}", new { amount = "650.5", alertAt = new[] { 90, 120 } });
        var clash = await user.Client.PatchAsJsonAsync($"/api/v1/budgets/{id}", new { period = "year" });
        var invalid = await user.Client.PatchAsJsonAsync($"/api/v1/budgets/{id}", new { alertAt = new[] { 120, 90 } });
        var toWeek = await user.Client.PatchAsJsonAsync($"/api/v1/budgets/{id}", new { period = "week" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("650.50", body.GetProperty("amount").GetString());
        Assert.Equal([90, 120], body.GetProperty("alertAt").EnumerateArray().Select(a => a.GetInt32()));
        Assert.Equal("month", body.GetProperty("period").GetString());
        await clash.AssertProblemAsync(HttpStatusCode.Conflict);
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("alertAt", out _));
        var week = await toWeek.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("week", week.GetProperty("period").GetString());
        Assert.Equal("650.50", week.GetProperty("amount").GetString());
        Assert.Equal("2026-11-16", week.GetProperty("status").GetProperty("start").GetString());
    }

    [Fact]
    public async Task Delete_OwnBudget_Returns204AndIsGone()
    {
        var user = await app.UserAsync();
        var created = await (await user.Client.PostAsJsonAsync("/api/v1/budgets", new { period = "month", amount = "500" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/budgets/{id}")).StatusCode);

        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).GetArrayLength());
        await (await user.Client.DeleteAsync($"/api/v1/budgets/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Category_RemovesItsBudgets()
    {
        var user = await app.UserAsync();
        var created = await user.Client.PostAsJsonAsync("/api/v1/categories", new { name = "Hobbies" });
        var hobbies = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await user.Client.PostAsJsonAsync("/api/v1/budgets", new { categoryId = hobbies, period = "month", amount = "80" });

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/categories/{hobbies}")).StatusCode);

        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).GetArrayLength());
    }

    [Fact]
    public async Task Status_PayDayMonthInKolkata_CountsOnlyThisPeriodsExpensesInTheUsersCurrencyAndProjects()
    {
        // 20:00 UTC on 24 November is already the 25th in Kolkata: the pay-day month 25 Nov – 24 Dec has begun.
        app.PinClock(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));
        var user = await app.UserAsync(new { timeZone = "Asia/Kolkata", currency = "INR", monthStartDay = 25 });
        var stranger = await app.UserAsync(new { timeZone = "Asia/Kolkata", currency = "INR", monthStartDay = 25 });
        var categories = await user.CategoriesAsync();
        var (food, transport, housing) = (categories["Food & Dining"], categories["Transport"], categories["Housing"]);
        (string Day, decimal Amount, Guid Category)[] mine =
        [
            ("2026-10-30", 1500m, food),
            ("2026-11-01", 80m, transport),
            ("2026-11-24", 3000m, housing),
            ("2026-11-25", 200m, food),
            ("2026-11-25", 50.5m, transport),
            ("2026-12-03", 100m, food),
        ];
        foreach (var (day, amount, category) in mine)
        {
            await user.AddExpenseAsync(amount: amount.ToString(System.Globalization.CultureInfo.InvariantCulture), occurredOn: day, categoryId: category, currency: "INR");
        }

        await user.AddExpenseAsync(amount: "999", occurredOn: "2026-11-25", categoryId: food, currency: "USD");
        var deleted = await user.AddExpenseAsync(amount: "400", occurredOn: "2026-11-26", categoryId: food, currency: "INR");
        await user.Client.DeleteAsync($"/api/v1/expenses/{deleted.Id}");
        await stranger.AddExpenseAsync(amount: "700", occurredOn: "2026-11-25", currency: "INR");

        var overall = await CreateAsync(user, new { period = "month", amount = "5000" });
        var foodBudget = await CreateAsync(user, new { categoryId = food, period = "month", amount = "250" });
        var transportBudget = await CreateAsync(user, new { categoryId = transport, period = "month", amount = "300" });

        // Independently: the period is 25 Nov – 24 Dec, so only the last three INR rows count.
        decimal Spent(Guid? category) => mine
            .Where(e => string.CompareOrdinal(e.Day, "2026-11-25") >= 0 && string.CompareOrdinal(e.Day, "2026-12-24") <= 0)
            .Where(e => category is null || e.Category == category).Sum(e => e.Amount);
        Assert.Equal(350.5m, Spent(null));
        var status = overall.GetProperty("status");
        Assert.Equal("2026-11-25", status.GetProperty("start").GetString());
        Assert.Equal("2026-12-24", status.GetProperty("end").GetString());
        Assert.Equal("350.50", status.GetProperty("spent").GetString());
        Assert.Equal("4649.50", status.GetProperty("remaining").GetString());
        Assert.Equal(7.01, status.GetProperty("percent").GetDouble());
        // Day 1 of 30: pace 350.50 a day beats the usual 4580 / 26 days since 30 Oct = 176.15, so 350.50 × 30.
        Assert.Equal("10515.00", status.GetProperty("projected").GetString());
        Assert.Equal("-50.00", foodBudget.GetProperty("status").GetProperty("remaining").GetString());
        Assert.Equal(120.0, foodBudget.GetProperty("status").GetProperty("percent").GetDouble());

        // Ten days in (4 December in Kolkata, still the 3rd in UTC), 20 days left.
        app.PinClock(new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero));
        var budgets = await ListAsync(user);

        // Overall: pace 35.05 < usual 4580 / 26 = 176.1538…: 350.50 + 20 × 176.1538… = 3873.58.
        Assert.Equal("350.50", budgets[overall.GetProperty("id").GetGuid()].GetProperty("spent").GetString());
        Assert.Equal("3873.58", budgets[overall.GetProperty("id").GetGuid()].GetProperty("projected").GetString());
        // Food: pace 30 < usual 1500 / 26 = 57.6923…: 300 + 20 × 57.6923… = 1453.85.
        Assert.Equal("300.00", budgets[foodBudget.GetProperty("id").GetGuid()].GetProperty("spent").GetString());
        Assert.Equal("1453.85", budgets[foodBudget.GetProperty("id").GetGuid()].GetProperty("projected").GetString());
        // Transport: pace 5.05 > usual 80 / 26 = 3.0769…: 50.50 + 20 × 5.05 = 151.50.
        Assert.Equal("50.50", budgets[transportBudget.GetProperty("id").GetGuid()].GetProperty("spent").GetString());
        Assert.Equal("151.50", budgets[transportBudget.GetProperty("id").GetGuid()].GetProperty("projected").GetString());
    }

    [Fact]
    public async Task Status_AfterAddingUpdatingAndDeletingAnExpense_ChangesAtOnce()
    {
        var user = await app.UserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var budget = await CreateAsync(user, new { categoryId = groceries, period = "week", amount = "100" });
        var id = budget.GetProperty("id").GetGuid();
        Assert.Equal("0.00", (await ListAsync(user))[id].GetProperty("spent").GetString());

        var expense = await user.AddExpenseAsync(amount: "42.10", occurredOn: "2026-11-18", categoryId: groceries);
        Assert.Equal("42.10", (await ListAsync(user))[id].GetProperty("spent").GetString());

        await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{expense.Id}", new { amount = "40.00" });
        Assert.Equal("40.00", (await ListAsync(user))[id].GetProperty("spent").GetString());

        await user.Client.DeleteAsync($"/api/v1/expenses/{expense.Id}");
        Assert.Equal("0.00", (await ListAsync(user))[id].GetProperty("spent").GetString());
    }

    private static async Task<JsonElement> CreateAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/budgets", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Dictionary<Guid, JsonElement>> ListAsync(TestUser user) =>
        (await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/budgets")).EnumerateArray()
            .ToDictionary(b => b.GetProperty("id").GetGuid(), b => b.GetProperty("status"));
}
