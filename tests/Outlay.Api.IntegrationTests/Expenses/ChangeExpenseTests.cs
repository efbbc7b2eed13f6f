using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Expenses;

public sealed class ChangeExpenseTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Get_AnotherUsersExpense_Returns404()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        var expense = await owner.AddExpenseAsync();

        await (await stranger.Client.GetAsync($"/api/v1/expenses/{expense.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PatchAsJsonAsync($"/api/v1/expenses/{expense.Id}", new { note = "mine" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/api/v1/expenses/{expense.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsync($"/api/v1/expenses/{expense.Id}/restore", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await owner.Client.GetFromJsonAsync<TestExpense>($"/api/v1/expenses/{expense.Id}"))!.Note);
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheFieldsSentAndNullClears()
    {
        var user = await app.RegisterUserAsync();
        var expense = await user.AddExpenseAsync(amount: "20.00", merchant: "Bakery", note: "bread", tags: ["food"]);

        var response = await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{expense.Id}", new { amount = "21.5", note = (string?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = (await response.Content.ReadFromJsonAsync<TestExpense>())!;
        Assert.Equal("21.50", changed.Amount);
        Assert.Null(changed.Note);
        Assert.Equal("Bakery", changed.Merchant);
        Assert.Equal(["food"], changed.Tags);
        Assert.Equal(expense.Version + 1, changed.Version);
        Assert.Equal($"\"{changed.Version}\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Patch_WithAStaleIfMatch_Returns412AndChangesNothing()
    {
        var user = await app.RegisterUserAsync();
        var expense = await user.AddExpenseAsync(note: "original");
        await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{expense.Id}", new { note = "first edit" });
        using var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/expenses/{expense.Id}") { Content = JsonContent.Create(new { note = "lost update" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));

        var response = await user.Client.SendAsync(stale);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("first edit", (await user.Client.GetFromJsonAsync<TestExpense>($"/api/v1/expenses/{expense.Id}"))!.Note);
    }

    [Fact]
    public async Task Patch_ConcurrentlyWithTheSameIfMatch_ExactlyOneWins()
    {
        var user = await app.RegisterUserAsync();
        var expense = await user.AddExpenseAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/expenses/{expense.Id}") { Content = JsonContent.Create(new { note = $"edit {i}" }) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            return app.ClientWithToken(user.AccessToken).SendAsync(request);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal(2, (await user.Client.GetFromJsonAsync<TestExpense>($"/api/v1/expenses/{expense.Id}"))!.Version);
    }

    [Theory]
    [InlineData("{\"amount\":\"abc\"}", "amount")]
    [InlineData("{\"amount\":\"1.999\"}", "amount")]
    [InlineData("{\"occurredOn\":\"tomorrow\"}", "occurredOn")]
    [InlineData("{\"categoryId\":\"not-a-guid\"}", "categoryId")]
    [InlineData("{\"tags\":[1,2]}", "tags")]
    [InlineData("{\"currency\":\"ABC\"}", "currency")]
    public async Task Patch_WithAnInvalidField_ReturnsValidationProblemAndChangesNothing(string json, string field)
    {
        var user = await app.RegisterUserAsync();
        var expense = await user.AddExpenseAsync(amount: "3.00");

        var response = await user.Client.PatchAsync($"/api/v1/expenses/{expense.Id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<TestExpense>($"/api/v1/expenses/{expense.Id}"))!.Version);
    }

    [Fact]
    public async Task Patch_ChangingTheCategory_TeachesTheNextGuess()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        var first = await user.AddExpenseAsync(merchant: "Zorblax Qwynt");
        Assert.Equal("Other", first.CategoryName);

        await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{first.Id}", new { categoryId = categories["Health"] });
        var next = await user.AddExpenseAsync(merchant: "ZORBLAX QWYNT");

        Assert.Equal("Health", next.CategoryName);
    }

    [Fact]
    public async Task Delete_HidesTheExpenseAndRestoreBringsItBack()
    {
        var user = await app.RegisterUserAsync();
        var expense = await user.AddExpenseAsync(merchant: "Undo me");

        var deleted = await user.Client.DeleteAsync($"/api/v1/expenses/{expense.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await user.Client.GetAsync($"/api/v1/expenses/{expense.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await user.ListAllAsync(), e => e.Id == expense.Id);

        var restored = await user.Client.PostAsync($"/api/v1/expenses/{expense.Id}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("Undo me", (await restored.Content.ReadFromJsonAsync<TestExpense>())!.Merchant);
        Assert.Contains(await user.ListAllAsync(), e => e.Id == expense.Id);
    }

    [Fact]
    public async Task Purge_RemovesDeletionsOlderThanTheRestoreWindowOnly()
    {
        var user = await app.RegisterUserAsync();
        var old = await user.AddExpenseAsync(merchant: "old deletion");
        var recent = await user.AddExpenseAsync(merchant: "recent deletion");
        await user.Client.DeleteAsync($"/api/v1/expenses/{old.Id}");
        await user.Client.DeleteAsync($"/api/v1/expenses/{recent.Id}");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
            var longAgo = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-31);
            await db.Expenses.IgnoreQueryFilters().Where(e => e.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DeletedAt, longAgo));
        }

        await app.Services.GetRequiredService<ExpiredDeletionPurge>().PurgeOnceAsync(CancellationToken.None);

        await (await user.Client.PostAsync($"/api/v1/expenses/{old.Id}/restore", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PostAsync($"/api/v1/expenses/{recent.Id}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task Post_WithTheSameIdempotencyKey_ReplaysTheFirstAnswerAndCreatesNothing()
    {
        var user = await app.RegisterUserAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(user, key, new { amount = "4.20", occurredOn = "2026-11-03", merchant = "Kiosk" });
        var retry = await PostWithKeyAsync(user, key, new { amount = "4.20", occurredOn = "2026-11-03", merchant = "Kiosk" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single(await user.ListAllAsync());
    }

    [Fact]
    public async Task Post_WithTheSameIdempotencyKeyAndAnotherBody_Returns422()
    {
        var user = await app.RegisterUserAsync();
        var key = Guid.NewGuid().ToString();
        await PostWithKeyAsync(user, key, new { amount = "4.20", occurredOn = "2026-11-03" });

        var other = await PostWithKeyAsync(user, key, new { amount = "9.99", occurredOn = "2026-11-03" });

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single(await user.ListAllAsync());
    }

    [Fact]
    public async Task Post_WithTheSameIdempotencyKeySentAtOnce_CreatesOneExpense()
    {
        var user = await app.RegisterUserAsync();
        var key = Guid.NewGuid().ToString();
        var secondInstance = app.WithWebHostBuilder(_ => { });

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var client = (i % 2 == 0 ? app : secondInstance).ClientWithToken(user.AccessToken);
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/expenses") { Content = JsonContent.Create(new { amount = "1.00", occurredOn = "2026-11-03" }) };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Single(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Headers.Location).Distinct());
        Assert.Single(await user.ListAllAsync());
    }

    [Fact]
    public async Task Post_SameKeyFromAnotherUser_IsIndependent()
    {
        var first = await app.RegisterUserAsync();
        var second = await app.RegisterUserAsync();
        var key = Guid.NewGuid().ToString();

        await PostWithKeyAsync(first, key, new { amount = "1.00", occurredOn = "2026-11-03" });
        var response = await PostWithKeyAsync(second, key, new { amount = "2.00", occurredOn = "2026-11-03" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await second.ListAllAsync());
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(TestUser user, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/expenses") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
