using System.Net;
using System.Text;
using System.Text.Json;

namespace Outlay.Api.IntegrationTests.Infrastructure;

public sealed record TestExpense(Guid Id, string Amount, string Currency, string OccurredOn, Guid CategoryId, string CategoryName,
    string? Merchant, string? Note, string[] Tags, string Source, int Version);

/// <summary>Arranges expenses and categories through the API, like a client would.</summary>
public static class TestExpenses
{
    public static async Task<TestExpense> AddExpenseAsync(
        this TestUser user, object? amount = null, string? merchant = null, string? occurredOn = null, Guid? categoryId = null,
        string? note = null, string[]? tags = null, string? currency = null)
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/expenses", new
        {
            amount = amount ?? "10.00",
            currency,
            occurredOn = occurredOn ?? "2026-11-02",
            categoryId,
            merchant,
            note,
            tags,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TestExpense>())!;
    }

    public static async Task<Dictionary<string, Guid>> CategoriesAsync(this TestUser user)
    {
        var categories = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories");
        return categories.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetGuid());
    }

    public static async Task<List<TestExpense>> ListAllAsync(this TestUser user, string query = "")
    {
        var all = new List<TestExpense>();
        string? cursor = null;
        do
        {
            var separator = query.Length == 0 ? "?" : "&";
            var url = "/api/v1/expenses" + (query.Length == 0 ? "" : "?" + query) + (cursor is null ? "" : $"{separator}cursor={cursor}");
            var page = await user.Client.GetFromJsonAsync<ExpensePage>(url);
            all.AddRange(page!.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(TestUser user, string csv, bool dryRun = false) =>
        user.Client.PostAsync($"/api/v1/expenses/import{(dryRun ? "?dryRun=true" : string.Empty)}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Asserts a 200 import report with these counts (the body is in the message when it is not one).</summary>
    public static async Task AssertImportReportAsync(HttpResponseMessage response, int imported, int duplicates)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal((imported, duplicates), (report.GetProperty("imported").GetInt32(), report.GetProperty("duplicates").GetInt32()));
    }
}

public sealed record ExpensePage(List<TestExpense> Items, string? NextCursor);
