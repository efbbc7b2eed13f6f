using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Outlay.Bench;

/// <summary>A user signed up through the API, then given a long history with PostgreSQL's COPY.</summary>
public sealed record BenchUser(Guid Id, string AccessToken)
{
    public static async Task<BenchUser> SignUpAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server };
        var response = await client.PostAsJsonAsync("/api/v1/auth/signup",
            new { email = $"bench-{Guid.NewGuid():N}@example.test", password = "bench mark passphrase 2026" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new BenchUser(body.GetProperty("user").GetProperty("id").GetGuid(), body.GetProperty("accessToken").GetString()!);
    }

    public HttpClient Client(Uri server)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return client;
    }

    /// <summary>Spreads <paramref name="count"/> expenses over the <paramref name="days"/> days up to <paramref name="until"/>.</summary>
    public async Task SeedAsync(string connectionString, int count, DateOnly until, int days)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var categories = new List<Guid>();
        await using (var query = new NpgsqlCommand("SELECT id FROM categories WHERE user_id = @u", connection))
        {
            query.Parameters.AddWithValue("u", Id);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                categories.Add(reader.GetGuid(0));
            }
        }

        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY expenses (id, user_id, amount, currency, occurred_on, category_id, merchant, merchant_key, category_chosen_by_user, tags, source, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var merchant = $"Merchant {random.Next(300)}";
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(Math.Round((decimal)random.Next(100, 20_000) / 100, 2), NpgsqlDbType.Numeric);
                await copy.WriteAsync("USD", NpgsqlDbType.Char);
                await copy.WriteAsync(until.AddDays(-random.Next(0, days)), NpgsqlDbType.Date);
                await copy.WriteAsync(categories[random.Next(categories.Count)], NpgsqlDbType.Uuid);
                await copy.WriteAsync(merchant, NpgsqlDbType.Varchar);
                await copy.WriteAsync(merchant.ToLowerInvariant(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("Manual", NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        // The COPY also filled the spending roll-ups (one statement-level trigger run for all rows).
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE expenses, daily_spending, monthly_merchant_spending", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
