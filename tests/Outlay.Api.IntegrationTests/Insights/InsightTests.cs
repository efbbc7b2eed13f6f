using System.Globalization;
using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Insights;

/// <summary>Today is Friday 20 November 2026 (UTC, USD, weeks from Monday, calendar months) unless a test says otherwise.</summary>
public sealed class InsightTests : IClassFixture<PinnedClockAppFactory>
{
    private readonly PinnedClockAppFactory app;

    public InsightTests(PinnedClockAppFactory app)
    {
        this.app = app;
        app.PinClock(PinnedClockAppFactory.DefaultNow);
    }

    [Fact]
    public async Task Get_WithNoExpenses_ReturnsAnEmptyArray()
    {
        var user = await app.UserAsync();

        var insights = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/insights");

        Assert.Equal(JsonValueKind.Array, insights.ValueKind);
        Assert.Equal(0, insights.GetArrayLength());
    }

    [Fact]
    public async Task Get_AnonymousCaller_Returns401Problem() =>
        await (await app.Pinned.CreateClient().GetAsync("/api/v1/insights")).AssertProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task CategorySpike_WellAboveTheSameDaysOfPreviousMonths_IsAWarningWithItsNumbers()
    {
        var user = await app.UserAsync();
        var c = await user.CategoriesAsync();
        // Groceries over the first 20 days: 100, 120, 110 → usual 110 (the 500 on 25 August is after day 20).
        await AddAsync(user, c["Groceries"], ("2026-08-01", 100m), ("2026-08-25", 500m), ("2026-09-05", 120m), ("2026-10-05", 110m), ("2026-11-05", 200m));
        // Food & Dining only 10 % above its usual 50: no tip.
        await AddAsync(user, c["Food & Dining"], ("2026-08-03", 50m), ("2026-09-03", 50m), ("2026-10-03", 50m), ("2026-11-03", 55m));

        var spikes = await InsightsAsync(user, "categorySpike");

        var spike = Assert.Single(spikes);
        Assert.Equal("warning", spike.GetProperty("severity").GetString());
        var data = spike.GetProperty("data");
        Assert.Equal(c["Groceries"], data.GetProperty("categoryId").GetGuid());
        Assert.Equal("200.00", data.GetProperty("spent").GetString());
        Assert.Equal("110.00", data.GetProperty("usual").GetString());
        Assert.Equal(81.8, data.GetProperty("changePercent").GetDouble()); // 200 / 110 − 1
        Assert.Equal(20, data.GetProperty("daysSoFar").GetInt32());
        Assert.Equal(3, data.GetProperty("monthsCompared").GetInt32());
        Assert.Contains("Groceries", spike.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CategorySpike_WithOneMonthOfHistory_IsNotShown()
    {
        var user = await app.UserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        await AddAsync(user, groceries, ("2026-10-01", 100m), ("2026-11-05", 400m));

        Assert.Empty(await InsightsAsync(user, "categorySpike"));
    }

    [Fact]
    public async Task BudgetOverspend_ProjectedAndActual_AreWarningAndAlert()
    {
        var user = await app.UserAsync();
        var c = await user.CategoriesAsync();
        await AddAsync(user, c["Food & Dining"], ("2026-11-02", 150m), ("2026-11-10", 100m));
        await AddAsync(user, c["Transport"], ("2026-11-03", 60m));
        var food = await CreateBudgetAsync(user, new { categoryId = c["Food & Dining"], period = "month", amount = "300" });
        await CreateBudgetAsync(user, new { categoryId = c["Transport"], period = "month", amount = "50" });
        await CreateBudgetAsync(user, new { categoryId = c["Groceries"], period = "month", amount = "50" });

        var tips = await InsightsAsync(user, "budgetOverspend");

        Assert.Equal(2, tips.Count);
        // Food: no history, day 20 of 30, pace 250 / 20 = 12.5: 250 + 10 × 12.5 = 375, 75 over.
        var warning = Assert.Single(tips, t => t.GetProperty("severity").GetString() == "warning").GetProperty("data");
        Assert.Equal(food.GetProperty("id").GetGuid(), warning.GetProperty("budgetId").GetGuid());
        Assert.Equal("250.00", warning.GetProperty("spent").GetString());
        Assert.Equal("375.00", warning.GetProperty("projected").GetString());
        Assert.Equal("75.00", warning.GetProperty("overBy").GetString());
        Assert.Equal("300.00", warning.GetProperty("amount").GetString());
        // Transport is already over: 60 of 50, projected 60 + 10 × 3 = 90.
        var alert = Assert.Single(tips, t => t.GetProperty("severity").GetString() == "alert").GetProperty("data");
        Assert.Equal("60.00", alert.GetProperty("spent").GetString());
        Assert.Equal("90.00", alert.GetProperty("projected").GetString());
        Assert.Equal(120.0, alert.GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task BudgetOverspend_FromTheFirstDaysOfAUsersFirstPeriod_IsNotShown()
    {
        app.PinClock(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero));
        var user = await app.UserAsync();
        var food = (await user.CategoriesAsync())["Food & Dining"];
        await AddAsync(user, food, ("2026-11-02", 50m));
        var budget = await CreateBudgetAsync(user, new { categoryId = food, period = "month", amount = "300" });
        Assert.Equal("500.00", budget.GetProperty("status").GetProperty("projected").GetString());

        Assert.Empty(await InsightsAsync(user, "budgetOverspend"));
    }

    [Fact]
    public async Task RecurringPayments_MonthlyAndWeekly_AreListedWithTheirYearlyCost()
    {
        var user = await app.UserAsync();
        var c = await user.CategoriesAsync();
        await AddAsync(user, c["Subscriptions"], "Netflix", ("2026-08-10", 15.49m), ("2026-09-10", 15.49m), ("2026-10-10", 15.49m), ("2026-11-10", 15.49m));
        await AddAsync(user, c["Health"], "Yoga Studio", ("2026-10-23", 20m), ("2026-10-30", 20m), ("2026-11-06", 21m), ("2026-11-13", 20m), ("2026-11-20", 20m));
        await AddAsync(user, c["Food & Dining"], "Corner Cafe", ("2026-09-02", 4m), ("2026-09-29", 4m), ("2026-11-15", 4m));

        var tip = Assert.Single(await InsightsAsync(user, "recurringPayments"));

        Assert.Equal("info", tip.GetProperty("severity").GetString());
        var data = tip.GetProperty("data");
        var payments = data.GetProperty("payments").EnumerateArray().ToDictionary(p => p.GetProperty("merchant").GetString()!);
        Assert.Equal(["Yoga Studio", "Netflix"], payments.Keys);
        Assert.Equal("weekly", payments["Yoga Studio"].GetProperty("interval").GetString());
        Assert.Equal("1040.00", payments["Yoga Studio"].GetProperty("yearlyCost").GetString());
        Assert.Equal(5, payments["Yoga Studio"].GetProperty("occurrences").GetInt32());
        Assert.Equal("monthly", payments["Netflix"].GetProperty("interval").GetString());
        Assert.Equal("185.88", payments["Netflix"].GetProperty("yearlyCost").GetString());
        Assert.Equal("2026-12-10", payments["Netflix"].GetProperty("nextOn").GetString());
        Assert.Equal("1225.88", data.GetProperty("totalYearlyCost").GetString());
    }

    [Fact]
    public async Task RecurringPayments_WithTwoPayments_AreNotShown()
    {
        var user = await app.UserAsync();
        var subscriptions = (await user.CategoriesAsync())["Subscriptions"];
        await AddAsync(user, subscriptions, "Netflix", ("2026-10-10", 15.49m), ("2026-11-10", 15.49m));

        Assert.Empty(await InsightsAsync(user, "recurringPayments"));
    }

    [Fact]
    public async Task UnusualExpense_FarAboveTheCategorysSpread_IsAWarningWithItsStatistics()
    {
        var user = await app.UserAsync();
        var shopping = (await user.CategoriesAsync())["Shopping"];
        await AddUsualShoppingAsync(user, shopping, count: 10);
        await AddAsync(user, shopping, "Big Store", ("2026-11-18", 400m));

        var tip = Assert.Single(await InsightsAsync(user, "unusualExpense"));

        // The ten others: mean 50, squared deviations 500, sample stddev √(500 / 9) = 7.4536; (400 − 50) / 7.4536 = 46.96.
        var data = tip.GetProperty("data");
        Assert.Equal("400.00", data.GetProperty("amount").GetString());
        Assert.Equal("50.00", data.GetProperty("mean").GetString());
        Assert.Equal("7.45", data.GetProperty("stdDev").GetString());
        Assert.Equal(46.96, data.GetProperty("stdDevsAbove").GetDouble());
        Assert.Equal(10, data.GetProperty("samples").GetInt32());
        Assert.Equal("Big Store", data.GetProperty("merchant").GetString());
        Assert.Equal("2026-11-18", data.GetProperty("occurredOn").GetString());
    }

    [Fact]
    public async Task UnusualExpense_WithFewSamples_IsNotShown()
    {
        var user = await app.UserAsync();
        var shopping = (await user.CategoriesAsync())["Shopping"];
        await AddUsualShoppingAsync(user, shopping, count: 5);
        await AddAsync(user, shopping, ("2026-11-18", 400m));

        Assert.Empty(await InsightsAsync(user, "unusualExpense"));
    }

    [Fact]
    public async Task UnusualExpense_InAnotherCurrencyOrDeleted_IsNotShown()
    {
        var user = await app.UserAsync();
        var shopping = (await user.CategoriesAsync())["Shopping"];
        await AddUsualShoppingAsync(user, shopping, count: 10);
        await user.AddExpenseAsync(amount: "40000", occurredOn: "2026-11-18", categoryId: shopping, currency: "JPY");
        var deleted = await user.AddExpenseAsync(amount: "400", occurredOn: "2026-11-18", categoryId: shopping);
        await user.Client.DeleteAsync($"/api/v1/expenses/{deleted.Id}");

        Assert.Empty(await InsightsAsync(user, "unusualExpense"));
    }

    [Fact]
    public async Task WeekendPattern_OverFourWeeks_ComparesDailyAverages()
    {
        var user = await app.UserAsync();
        var food = (await user.CategoriesAsync())["Food & Dining"];
        await AddWeeksAsync(user, food, new DateOnly(2026, 10, 19), weeks: 4);

        var tip = Assert.Single(await InsightsAsync(user, "weekendPattern"));

        // 19 Oct – 15 Nov: weekdays 4 × (20 + 10) / 20 days = 6.00; weekends 4 × 60 / 8 days = 30.00; 30 / 6 − 1 = 400 %.
        var data = tip.GetProperty("data");
        Assert.Equal(4, data.GetProperty("weeks").GetInt32());
        Assert.Equal("2026-10-19", data.GetProperty("from").GetString());
        Assert.Equal("2026-11-15", data.GetProperty("to").GetString());
        Assert.Equal("6.00", data.GetProperty("weekdayDailyAverage").GetString());
        Assert.Equal("30.00", data.GetProperty("weekendDailyAverage").GetString());
        Assert.Equal(400.0, data.GetProperty("differencePercent").GetDouble());
    }

    [Fact]
    public async Task WeekendPattern_OverThreeWeeks_IsNotShown()
    {
        var user = await app.UserAsync();
        var food = (await user.CategoriesAsync())["Food & Dining"];
        await AddWeeksAsync(user, food, new DateOnly(2026, 10, 26), weeks: 3);

        Assert.Empty(await InsightsAsync(user, "weekendPattern"));
    }

    [Fact]
    public async Task SavingsOpportunity_TheBiggestDiscretionaryCategory_PricesATwentyPercentCut()
    {
        var user = await app.UserAsync();
        var c = await user.CategoriesAsync();
        await AddAsync(user, c["Food & Dining"], ("2026-08-01", 300m), ("2026-09-14", 330m), ("2026-10-14", 360m), ("2026-11-02", 90m));
        await AddAsync(user, c["Shopping"], ("2026-08-14", 100m), ("2026-09-14", 100m), ("2026-10-14", 100m));
        await AddAsync(user, c["Groceries"], ("2026-08-14", 1000m), ("2026-09-14", 1000m), ("2026-10-14", 1000m));

        var tip = Assert.Single(await InsightsAsync(user, "savingsOpportunity"));

        // (300 + 330 + 360) / 3 = 330 a month; 330 × 12 = 3960 a year; 20 % of it is 792.
        var data = tip.GetProperty("data");
        Assert.Equal("Food & Dining", data.GetProperty("categoryName").GetString());
        Assert.Equal("330.00", data.GetProperty("monthlyAverage").GetString());
        Assert.Equal("3960.00", data.GetProperty("yearlySpend").GetString());
        Assert.Equal("792.00", data.GetProperty("yearlySaving").GetString());
        Assert.Equal(20, data.GetProperty("cutPercent").GetInt32());
        Assert.Equal(3, data.GetProperty("monthsCompared").GetInt32());
    }

    [Fact]
    public async Task SavingsOpportunity_WithOneCompleteMonth_IsNotShown()
    {
        var user = await app.UserAsync();
        var food = (await user.CategoriesAsync())["Food & Dining"];
        await AddAsync(user, food, ("2026-10-01", 300m), ("2026-11-02", 90m));

        Assert.Empty(await InsightsAsync(user, "savingsOpportunity"));
    }

    [Fact]
    public async Task Get_AfterAnExpenseOrBudgetChange_RecomputesAtOnce()
    {
        var user = await app.UserAsync();
        var shopping = (await user.CategoriesAsync())["Shopping"];
        await AddUsualShoppingAsync(user, shopping, count: 10);
        Assert.Empty(await InsightsAsync(user, "unusualExpense"));

        var outlier = await user.AddExpenseAsync(amount: "400", occurredOn: "2026-11-18", categoryId: shopping);
        Assert.Single(await InsightsAsync(user, "unusualExpense"));

        await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{outlier.Id}", new { amount = "55" });
        Assert.Empty(await InsightsAsync(user, "unusualExpense"));

        Assert.Empty(await InsightsAsync(user, "budgetOverspend"));
        await CreateBudgetAsync(user, new { categoryId = shopping, period = "month", amount = "50" });
        Assert.Single(await InsightsAsync(user, "budgetOverspend"));
    }

    [Fact]
    public async Task Get_AnotherUsersData_IsNeverUsed()
    {
        var owner = await app.UserAsync();
        var stranger = await app.UserAsync();
        var shopping = (await owner.CategoriesAsync())["Shopping"];
        await AddUsualShoppingAsync(owner, shopping, count: 10);
        await owner.AddExpenseAsync(amount: "400", occurredOn: "2026-11-18", categoryId: shopping);

        Assert.Single(await InsightsAsync(owner, "unusualExpense"));
        Assert.Equal(0, (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/v1/insights")).GetArrayLength());
    }

    private static async Task<List<JsonElement>> InsightsAsync(TestUser user, string kind)
    {
        var response = await user.Client.GetAsync("/api/v1/insights");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var all = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var insight in all.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(insight.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(insight.GetProperty("message").GetString()));
            Assert.Contains(insight.GetProperty("severity").GetString(), new[] { "info", "warning", "alert" });
            Assert.Equal(JsonValueKind.Object, insight.GetProperty("data").ValueKind);
        }

        return [.. all.EnumerateArray().Where(i => i.GetProperty("kind").GetString() == kind)];
    }

    private static Task AddAsync(TestUser user, Guid category, params (string Day, decimal Amount)[] expenses) =>
        AddAsync(user, category, null, expenses);

    private static async Task AddAsync(TestUser user, Guid category, string? merchant, params (string Day, decimal Amount)[] expenses)
    {
        foreach (var (day, amount) in expenses)
        {
            await user.AddExpenseAsync(amount: amount.ToString(CultureInfo.InvariantCulture), occurredOn: day, categoryId: category, merchant: merchant);
        }
    }

    /// <summary>40, 45, 50, 55, 60, repeated, from July to October: mean 50.</summary>
    private static async Task AddUsualShoppingAsync(TestUser user, Guid shopping, int count)
    {
        var start = new DateOnly(2026, 7, 1);
        for (var i = 0; i < count; i++)
        {
            await user.AddExpenseAsync(amount: (40 + (5 * (i % 5))).ToString(CultureInfo.InvariantCulture), occurredOn: start.AddDays(i * 11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), categoryId: shopping);
        }
    }

    /// <summary>From a Monday: 20 on Mondays, 10 on Wednesdays, 60 on Saturdays.</summary>
    private static async Task AddWeeksAsync(TestUser user, Guid category, DateOnly monday, int weeks)
    {
        for (var week = 0; week < weeks; week++)
        {
            var start = monday.AddDays(7 * week);
            await AddAsync(user, category,
                (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 20m),
                (start.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 10m),
                (start.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 60m));
        }
    }

    private static async Task<JsonElement> CreateBudgetAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/budgets", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
