using System.Globalization;
using System.Text;
using Npgsql;

namespace Outlay.Bench;

/// <summary>
/// Seeds a user with 100,000 expenses and one with 100, then measures month and year summaries with the
/// report cache on and off, and records the PostgreSQL plans of a summary aggregation and of list pages.
/// </summary>
public static class ReportBenchmark
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<string> RunAsync(Uri cachedServer, Uri uncachedServer, string connectionString, TimeSpan duration, int concurrency)
    {
        var heavy = await BenchUser.SignUpAsync(cachedServer);
        var light = await BenchUser.SignUpAsync(cachedServer);
        await heavy.SeedAsync(connectionString, 100_000, Today);
        await light.SeedAsync(connectionString, 100, Today);

        var results = new List<LoadResult>();
        foreach (var (label, user) in new[] { ("100,000 expenses", heavy), ("100 expenses", light) })
        {
            foreach (var period in new[] { "month", "year" })
            {
                // Cached: the same report over and over (a dashboard being reloaded).
                using var cached = user.Client(cachedServer);
                var fixedUrl = $"/api/v1/reports/summary?period={period}&date={Today:yyyy-MM-dd}";
                await cached.GetAsync(fixedUrl);
                results.Add(await LoadResult.RunAsync($"{period} summary, cached, {label}", cached, _ => fixedUrl, duration, concurrency));

                // Uncached: every request computes the report from the database (cache off on that server),
                // over a different period each time so PostgreSQL's own buffers are the only help.
                using var uncached = user.Client(uncachedServer);
                results.Add(await LoadResult.RunAsync($"{period} summary, uncached, {label}", uncached,
                    i => $"/api/v1/reports/summary?period={period}&date={Today.AddDays(-(i % 900)):yyyy-MM-dd}", duration, concurrency));
            }

            using var uncachedOther = user.Client(uncachedServer);
            results.Add(await LoadResult.RunAsync($"12-month trend, uncached, {label}", uncachedOther,
                i => $"/api/v1/reports/trend?granularity=month&count={12 + (i % 2)}", duration, concurrency));
            results.Add(await LoadResult.RunAsync($"insights, uncached, {label}", uncachedOther, _ => "/api/v1/insights", duration, concurrency));
        }

        using var listing = heavy.Client(cachedServer);
        results.Add(await LoadResult.RunAsync("expense list page (50), 100,000 expenses", listing, _ => "/api/v1/expenses?limit=50", duration, concurrency));

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Report benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{concurrency} concurrent clients for {duration.TotalSeconds:0} s per row, on the same 2-core machine as the server, PostgreSQL and Redis.");
        report.AppendLine();
        report.AppendLine("| scenario | requests | failures | req/s | p50 ms | p99 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            report.AppendLine(result.Row);
        }

        report.AppendLine();
        report.AppendLine("## PostgreSQL plans (user with 100,000 expenses)");
        await AppendPlanAsync(report, connectionString, "A year's sums by category and currency (from the daily roll-up)",
            "SELECT category_id, currency, sum(total), sum(expense_count) FROM daily_spending WHERE user_id = @u AND day >= @from AND day <= @to GROUP BY category_id, currency",
            heavy.Id, Today.AddYears(-1), Today);
        await AppendPlanAsync(report, connectionString, "A year's top merchants (whole months from the monthly roll-up, edge days from expenses)",
            "SELECT merchant, sum(total) AS total, sum(n) FROM (SELECT merchant, total, expense_count AS n FROM monthly_merchant_spending WHERE user_id = @u AND currency = 'USD' AND month >= date_trunc('month', @from::date) + interval '1 month' AND month < date_trunc('month', @to::date) UNION ALL SELECT merchant, amount, 1 FROM expenses WHERE user_id = @u AND currency = 'USD' AND deleted_at IS NULL AND merchant IS NOT NULL AND occurred_on >= @from AND occurred_on <= @to AND (occurred_on < date_trunc('month', @from::date) + interval '1 month' OR occurred_on >= date_trunc('month', @to::date))) m GROUP BY merchant ORDER BY total DESC LIMIT 5",
            heavy.Id, Today.AddYears(-1), Today);
        await AppendPlanAsync(report, connectionString, "A year's five largest expenses",
            "SELECT * FROM expenses WHERE user_id = @u AND currency = 'USD' AND deleted_at IS NULL AND occurred_on >= @from AND occurred_on <= @to ORDER BY amount DESC, id LIMIT 5",
            heavy.Id, Today.AddYears(-1), Today);
        await AppendPlanAsync(report, connectionString, "First page of the expense list (occurredOn:desc)",
            "SELECT * FROM expenses WHERE user_id = @u AND deleted_at IS NULL ORDER BY occurred_on DESC, id DESC LIMIT 51",
            heavy.Id, Today, Today);
        await AppendPlanAsync(report, connectionString, "A deep page of the expense list (keyset cursor two years back)",
            "SELECT * FROM expenses WHERE user_id = @u AND deleted_at IS NULL AND occurred_on <= @to AND (occurred_on < @to OR id < '00000000-0000-0000-0000-000000000000') ORDER BY occurred_on DESC, id DESC LIMIT 51",
            heavy.Id, Today, Today.AddYears(-2));
        return report.ToString();
    }

    private static async Task AppendPlanAsync(StringBuilder report, string connectionString, string title, string sql, Guid userId, DateOnly from, DateOnly to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        explain.Parameters.AddWithValue("u", userId);
        explain.Parameters.AddWithValue("from", from);
        explain.Parameters.AddWithValue("to", to);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        report.AppendLine();
        report.AppendLine("```");
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            report.AppendLine(reader.GetString(0));
        }

        report.AppendLine("```");
    }
}
