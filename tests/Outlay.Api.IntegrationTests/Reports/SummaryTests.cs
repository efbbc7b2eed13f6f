using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.IntegrationTests.Budgets;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Reports;

/// <summary>Today is Friday 20 November 2026, noon UTC, for the reports that depend on it (the pinned host).</summary>
public sealed class SummaryTests(PinnedClockAppFactory app) : IClassFixture<PinnedClockAppFactory>
{
    private static readonly string[] Periods = ["week", "month", "year"];

    public static TheoryData<int, string, string, int> Scenarios => new()
    {
        { 1, "UTC", "monday", 1 },
        { 2, "Asia/Kolkata", "sunday", 1 },
        { 3, "America/New_York", "monday", 25 },
        { 4, "Europe/Berlin", "sunday", 28 },
        { 5, "Pacific/Auckland", "monday", 15 },
        { 6, "Australia/Adelaide", "sunday", 2 },
    };

    /// <summary>
    /// Property-style: random expenses (some deleted, some in another currency, some of another user), and
    /// every figure of every report checked against totals computed here from the same expenses, with
    /// period boundaries found by brute force rather than by the server's calendar code.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Summary_MatchesTotalsComputedIndependently(int seed, string timeZone, string weekStart, int monthStartDay)
    {
        var random = new Random(seed);
        var user = await app.UserAsync(new { timeZone, currency = "USD", weekStart, monthStartDay });
        var categories = (await user.CategoriesAsync()).Values.Take(5).ToArray();
        var pivot = new DateOnly(2024, 2, 29).AddDays(random.Next(0, 700));
        var expenses = Enumerable.Range(0, 160).Select(_ => new Seeded(
            pivot.AddDays(random.Next(-400, 60)),
            Math.Round((decimal)random.Next(1, 500_00) / 100, 2),
            random.Next(10) == 0 ? "EUR" : "USD",
            categories[random.Next(categories.Length)],
            $"Merchant {random.Next(8)}",
            Deleted: random.Next(12) == 0)).ToList();
        await SeedAsync(user.Id, expenses);
        var stranger = await app.RegisterUserAsync();
        await SeedAsync(stranger.Id, [new Seeded(pivot, 999.99m, "USD", (await stranger.CategoriesAsync()).Values.First(), "Not yours", false)]);

        foreach (var period in Periods)
        {
            foreach (var date in new[] { pivot, pivot.AddDays(-random.Next(1, 200)) })
            {
                var summary = await user.Client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/summary?period={period}&date={date:yyyy-MM-dd}");
                var (start, end) = ExpectedPeriod(period, date, weekStart, monthStartDay);
                var live = expenses.Where(e => !e.Deleted).ToList();
                var inPeriod = live.Where(e => e.Day >= start && e.Day <= end).ToList();
                var usd = inPeriod.Where(e => e.Currency == "USD").ToList();
                var context = $"seed {seed} {period} {date}";

                Assert.True(start == Day(summary, "period", "start"), context);
                Assert.True(end == Day(summary, "period", "end"), context);
                Assert.Equal(usd.Sum(e => e.Amount), Money(summary.GetProperty("total")));
                Assert.Equal(usd.Count, summary.GetProperty("count").GetInt32());
                var today = TodayIn(timeZone);
                var daysCounted = today >= start && today <= end ? today.DayNumber - start.DayNumber + 1 : end.DayNumber - start.DayNumber + 1;
                Assert.Equal(Math.Round(usd.Sum(e => e.Amount) / daysCounted, 2), Money(summary.GetProperty("averagePerDay")));

                var byCategory = summary.GetProperty("byCategory").EnumerateArray()
                    .ToDictionary(c => c.GetProperty("categoryId").GetGuid(), c => (Total: Money(c.GetProperty("total")), Count: c.GetProperty("count").GetInt32()));
                var expectedByCategory = usd.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => (Total: g.Sum(e => e.Amount), Count: g.Count()));
                Assert.Equal(expectedByCategory.OrderBy(k => k.Key), byCategory.OrderBy(k => k.Key));

                var other = summary.GetProperty("otherCurrencies").EnumerateArray().ToList();
                var eur = inPeriod.Where(e => e.Currency == "EUR").ToList();
                Assert.Equal(eur.Count == 0 ? 0 : 1, other.Count);
                if (eur.Count > 0)
                {
                    Assert.Equal(eur.Sum(e => e.Amount), Money(other[0].GetProperty("total")));
                }

                var series = summary.GetProperty("series").EnumerateArray().ToList();
                Assert.Equal(usd.Sum(e => e.Amount), series.Sum(p => Money(p.GetProperty("total"))));
                Assert.Equal(period == "year" ? 12 : end.DayNumber - start.DayNumber + 1, series.Count);
                if (period != "year")
                {
                    foreach (var point in series)
                    {
                        var day = DateOnly.Parse(point.GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
                        Assert.Equal(usd.Where(e => e.Day == day).Sum(e => e.Amount), Money(point.GetProperty("total")));
                    }
                }

                var (previousStart, previousEnd) = ExpectedPeriod(period, start.AddDays(-1), weekStart, monthStartDay);
                var previousTotal = live.Where(e => e.Currency == "USD" && e.Day >= previousStart && e.Day <= previousEnd).Sum(e => e.Amount);
                Assert.Equal(previousTotal, Money(summary.GetProperty("previous").GetProperty("total")));

                var (yearAgoStart, yearAgoEnd) = ExpectedPeriod(period, period == "week" ? start.AddYears(-1) : end.AddYears(-1), weekStart, monthStartDay);
                var yearAgoTotal = live.Where(e => e.Currency == "USD" && e.Day >= yearAgoStart && e.Day <= yearAgoEnd).Sum(e => e.Amount);
                Assert.Equal(yearAgoTotal, Money(summary.GetProperty("yearAgo").GetProperty("total")));

                var topMerchants = summary.GetProperty("topMerchants").EnumerateArray()
                    .Select(m => (m.GetProperty("merchant").GetString()!, Money(m.GetProperty("total")), m.GetProperty("count").GetInt32()));
                var expectedMerchants = usd.GroupBy(e => e.Merchant)
                    .Select(g => (g.Key, g.Sum(e => e.Amount), g.Count()))
                    .OrderByDescending(m => m.Item2).ThenBy(m => m.Key, StringComparer.Ordinal).Take(5);
                Assert.Equal(expectedMerchants, topMerchants);

                var largest = summary.GetProperty("largest").EnumerateArray().Select(e => Money(e.GetProperty("amount"))).ToList();
                Assert.Equal(usd.Select(e => e.Amount).OrderDescending().Take(5), largest);
            }
        }
    }

    [Fact]
    public async Task Summary_WithoutDate_UsesTodayInTheUsersTimeZone()
    {
        var user = await app.UserAsync(new { timeZone = "Pacific/Kiritimati" });
        var today = TodayIn("Pacific/Kiritimati");

        var summary = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary?period=week");

        var start = Day(summary, "period", "start");
        var end = Day(summary, "period", "end");
        Assert.Equal(new DateOnly(2026, 11, 21), today); // UTC+14: already Saturday
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (start, end));
    }

    [Fact]
    public async Task Summary_IsInvalidatedByCreateUpdateDeleteAndRestore()
    {
        var user = await app.RegisterUserAsync();
        const string url = "/api/v1/reports/summary?period=month&date=2026-06-15";
        Assert.Equal(0m, await TotalAsync(user, url));

        var expense = await user.AddExpenseAsync(amount: "10.00", occurredOn: "2026-06-10");
        Assert.Equal(10m, await TotalAsync(user, url));

        await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{expense.Id}", new { amount = "12.50" });
        Assert.Equal(12.5m, await TotalAsync(user, url));

        await user.Client.DeleteAsync($"/api/v1/expenses/{expense.Id}");
        Assert.Equal(0m, await TotalAsync(user, url));

        await user.Client.PostAsync($"/api/v1/expenses/{expense.Id}/restore", null);
        Assert.Equal(12.5m, await TotalAsync(user, url));
    }

    [RedisFact]
    public async Task Summary_CachedOnAnotherInstance_IsInvalidatedByAWriteHere()
    {
        var user = await app.RegisterUserAsync();
        var secondInstance = app.WithWebHostBuilder(_ => { }).ClientWithToken(user.AccessToken);
        const string url = "/api/v1/reports/summary?period=month&date=2026-06-15";
        Assert.Equal(0m, Money((await secondInstance.GetFromJsonAsync<JsonElement>(url)).GetProperty("total")));

        await user.AddExpenseAsync(amount: "7.00", occurredOn: "2026-06-01");

        // Usually well under a second; a loaded 2-core machine gets up to 20.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Money((await secondInstance.GetFromJsonAsync<JsonElement>(url)).GetProperty("total")) == 7m)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The second instance kept serving the stale summary.");
    }

    [Fact]
    public async Task Summary_ComparesWithThePreviousPeriodAndAYearAgo()
    {
        var user = await app.RegisterUserAsync();
        await user.AddExpenseAsync(amount: "150.00", occurredOn: "2026-05-20");
        await user.AddExpenseAsync(amount: "100.00", occurredOn: "2026-04-02");
        await user.AddExpenseAsync(amount: "300.00", occurredOn: "2025-05-31");

        var summary = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary?period=month&date=2026-05-01");

        Assert.Equal(100m, Money(summary.GetProperty("previous").GetProperty("total")));
        Assert.Equal(50.0, summary.GetProperty("previous").GetProperty("changePercent").GetDouble());
        Assert.Equal(300m, Money(summary.GetProperty("yearAgo").GetProperty("total")));
        Assert.Equal(-50.0, summary.GetProperty("yearAgo").GetProperty("changePercent").GetDouble());
        Assert.Equal("May 2026", summary.GetProperty("period").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Summary_ShareAndTopMerchantsAddUp()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        await user.AddExpenseAsync(amount: "30.00", occurredOn: "2026-07-03", merchant: "Cafe Uno", categoryId: categories["Food & Dining"]);
        await user.AddExpenseAsync(amount: "10.00", occurredOn: "2026-07-04", merchant: "Cafe Uno", categoryId: categories["Food & Dining"]);
        await user.AddExpenseAsync(amount: "60.00", occurredOn: "2026-07-05", merchant: "Rail Co", categoryId: categories["Travel"]);

        var summary = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary?period=month&date=2026-07-10");

        var shares = summary.GetProperty("byCategory").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("share").GetDouble());
        Assert.Equal(60.0, shares["Travel"]);
        Assert.Equal(40.0, shares["Food & Dining"]);
        var top = summary.GetProperty("topMerchants").EnumerateArray().ToList();
        Assert.Equal("Rail Co", top[0].GetProperty("merchant").GetString());
        Assert.Equal(40m, Money(top[1].GetProperty("total")));
        Assert.Equal(2, top[1].GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("period=decade")]
    [InlineData("date=2026-02-30")]
    [InlineData("date=soon")]
    public async Task Summary_WithABadQuery_Returns400Problem(string query)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync("/api/v1/reports/summary?" + query);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Trend_GivesOnePointPerPeriodOldestFirstByCategory()
    {
        var user = await app.UserAsync();
        var categories = await user.CategoriesAsync();
        var today = TodayIn("UTC");
        await user.AddExpenseAsync(amount: "5.00", occurredOn: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), categoryId: categories["Groceries"]);
        await user.AddExpenseAsync(amount: "7.00", occurredOn: today.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), categoryId: categories["Health"]);

        var trend = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/reports/trend?granularity=month&count=6");

        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(6, points.Count);
        Assert.Equal(5m, Money(points[^1].GetProperty("total")));
        Assert.Equal(5m, Money(points[^1].GetProperty("byCategory").GetProperty(categories["Groceries"].ToString())));
        Assert.Equal(7m, Money(points[^3].GetProperty("total")));
        Assert.True(Day(points[0], "start") < Day(points[1], "start"));
    }

    [Fact]
    public async Task Trend_WithABadCount_ReturnsValidationProblem()
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.GetAsync("/api/v1/reports/trend?count=0");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task SystemSummary_CountsEveryUserWithoutPersonalDetails()
    {
        var admin = await app.RegisterAdminAsync();
        var user = await app.RegisterUserAsync();
        await user.AddExpenseAsync(amount: "11.00", occurredOn: "2026-08-08", merchant: "Secret Shop");

        var response = await admin.Client.GetAsync("/api/v1/admin/reports/summary?period=month&date=2026-08-01");
        var plain = await user.Client.GetAsync("/api/v1/admin/reports/summary");

        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.True(body.GetProperty("users").GetInt32() >= 2);
        Assert.True(body.GetProperty("expenseCount").GetInt32() >= 1);
        Assert.DoesNotContain("Secret Shop", text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email, text, StringComparison.Ordinal);
        await plain.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task SeedAsync(Guid userId, IEnumerable<Seeded> expenses)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        db.Expenses.AddRange(expenses.Select(e => new Expense
        {
            UserId = userId,
            Amount = e.Amount,
            Currency = e.Currency,
            OccurredOn = e.Day,
            CategoryId = e.Category,
            Merchant = e.Merchant,
            DeletedAt = e.Deleted ? DateTimeOffset.UtcNow : null,
        }));
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ExpenseCache>().ChangedAsync(userId, CancellationToken.None);
    }

    /// <summary>Period bounds found by walking day by day, independent of the server's calendar maths.</summary>
    private static (DateOnly Start, DateOnly End) ExpectedPeriod(string period, DateOnly date, string weekStart, int startDay)
    {
        Func<DateOnly, bool> isFirstDay = period switch
        {
            "week" => d => d.DayOfWeek == (weekStart == "sunday" ? DayOfWeek.Sunday : DayOfWeek.Monday),
            "month" => d => d.Day == startDay,
            _ => d => startDay == 1 ? d.Month == 1 && d.Day == 1 : d.Month == 12 && d.Day == startDay,
        };
        var start = date;
        while (!isFirstDay(start))
        {
            start = start.AddDays(-1);
        }

        var end = start.AddDays(1);
        while (!isFirstDay(end))
        {
            end = end.AddDays(1);
        }

        return (start, end.AddDays(-1));
    }

    private static async Task<decimal> TotalAsync(TestUser user, string url) =>
        Money((await user.Client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total"));

    private static DateOnly TodayIn(string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(PinnedClockAppFactory.DefaultNow, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    private static decimal Money(JsonElement value) => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static DateOnly Day(JsonElement element, params string[] path) =>
        DateOnly.Parse(path.Aggregate(element, (e, p) => e.GetProperty(p)).GetString()!, CultureInfo.InvariantCulture);

    private sealed record Seeded(DateOnly Day, decimal Amount, string Currency, Guid Category, string Merchant, bool Deleted);
}
