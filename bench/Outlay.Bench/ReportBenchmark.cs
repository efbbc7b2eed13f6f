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
        var recent = await BenchUser.SignUpAsync(cachedServer);
        await heavy.SeedAsync(connectionString, 100_000, Today, 3 * 365);
        await light.SeedAsync(connectionString, 100, Today, 3 * 365);
        await recent.SeedAsync(connectionString, 10_000, Today, 110);
        await SettleAsync(connectionString, heavy, cachedServer, uncachedServer, concurrency);

        var results = new List<LoadResult>();
        foreach (var (label, user) in new[] { ("100,000 expenses", heavy), ("100 expenses", light) })
        {
            foreach (var period in new[] { "month", "year" })
            {
                // Uncached: every request computes the report from the database (cache off on that server),
                // over a different period each time so PostgreSQL's own buffers are the only help.
                using var uncached = user.Client(uncachedServer);
                results.Add(await LoadResult.RunAsync($"{period} summary, uncached, {label}", uncached,
                    i => $"/api/v1/reports/summary?period={period}&date={Today.AddDays(-(i % 900)):yyyy-MM-dd}", duration, concurrency));

                // Cached: the same report over and over (a dashboard being reloaded).
                using var cached = user.Client(cachedServer);
                var fixedUrl = $"/api/v1/reports/summary?period={period}&date={Today:yyyy-MM-dd}";
                await cached.GetAsync(fixedUrl);
                results.Add(await LoadResult.RunAsync($"{period} summary, cached, {label}", cached, _ => fixedUrl, duration, concurrency));
            }

            using var uncachedOther = user.Client(uncachedServer);
            results.Add(await LoadResult.RunAsync($"12-month trend, uncached, {label}", uncachedOther,
                i => $"/api/v1/reports/trend?granularity=month&count={12 + (i % 2)}", duration, concurrency));
            results.Add(await LoadResult.RunAsync($"insights, uncached, {label}", uncachedOther, _ => "/api/v1/insights", duration, concurrency));
        }

        // The same spending per day (about 91 expenses) over ten times less history: with the roll-ups a report's
        // cost follows the expenses per day in its period, not the length of the history.
        foreach (var (label, user) in new[] { ("100,000 expenses over 3 years", heavy), ("10,000 expenses over 110 days", recent) })
        {
            using var uncached = user.Client(uncachedServer);
            results.Add(await LoadResult.RunAsync($"month summary of the last 3 months, uncached, {label}", uncached,
                i => $"/api/v1/reports/summary?period=month&date={Today.AddDays(-(i % 90)):yyyy-MM-dd}", duration, concurrency));
        }

        // The first uncached row again, last: shows whether its figure depends on running first after seeding.
        using (var again = heavy.Client(uncachedServer))
        {
            results.Add(await LoadResult.RunAsync("month summary, uncached, 100,000 expenses (run again last)", again,
                i => $"/api/v1/reports/summary?period=month&date={Today.AddDays(-(i % 900)):yyyy-MM-dd}", duration, concurrency));
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
        await AppendPlanAsync(report, connectionString, "A calendar year's top merchants (twelve whole months: the monthly roll-up alone)",
            "SELECT merchant, sum(total) AS total, sum(expense_count) FROM monthly_merchant_spending WHERE user_id = @u AND currency = 'USD' AND month >= @from AND month <= @to GROUP BY merchant ORDER BY total DESC, merchant LIMIT 5",
            heavy.Id, new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31));
        await AppendPlanAsync(report, connectionString, "A pay-day month's top merchants (25th to 24th: no whole calendar month, so the expenses themselves)",
            "SELECT merchant, sum(amount) AS total, count(*) FROM expenses WHERE user_id = @u AND currency = 'USD' AND deleted_at IS NULL AND merchant IS NOT NULL AND occurred_on >= @from AND occurred_on <= @to GROUP BY merchant ORDER BY total DESC, merchant LIMIT 5",
            heavy.Id, Today.AddMonths(-2).AddDays(25 - Today.Day), Today.AddMonths(-1).AddDays(24 - Today.Day));
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

    /// <summary>
    /// Writes the seeded pages out (CHECKPOINT) and runs every kind of request unrecorded for a few seconds, so the
    /// first measured rows are not paying for the bulk load's checkpoint or for the servers' JIT compilation.
    /// </summary>
    private static async Task SettleAsync(string connectionString, BenchUser user, Uri cachedServer, Uri uncachedServer, int concurrency)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
            await checkpoint.ExecuteNonQueryAsync();
        }

        string[] urls = ["/api/v1/reports/summary?period=month", "/api/v1/reports/summary?period=year", "/api/v1/reports/trend", "/api/v1/insights", "/api/v1/expenses?limit=50"];
        foreach (var server in new[] { cachedServer, uncachedServer })
        {
            using var client = user.Client(server);
            await LoadResult.RunAsync("warm-up", client, i => $"{urls[i % urls.Length]}{(urls[i % urls.Length].Contains('?', StringComparison.Ordinal) ? "&" : "?")}date={Today.AddDays(-(i % 900)):yyyy-MM-dd}",
                TimeSpan.FromSeconds(4), concurrency);
        }
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
