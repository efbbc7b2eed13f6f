using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Categories;

public sealed class CategoryTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task List_ANewUser_HasTheTwelveDefaultsWithColourAndIcon()
    {
        var user = await app.RegisterUserAsync();

        var categories = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories");

        Assert.Equal(12, categories.GetArrayLength());
        Assert.All(categories.EnumerateArray(), c =>
        {
            Assert.Matches("^#[0-9a-f]{6}$", c.GetProperty("color").GetString());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("icon").GetString()));
            Assert.True(c.GetProperty("isDefault").GetBoolean());
        });
    }

    [Fact]
    public async Task Create_ThenRenameAndRecolour_Works()
    {
        var user = await app.RegisterUserAsync();

        var created = await user.Client.PostAsJsonAsync("/api/v1/categories", new { name = "Pets", color = "#AABBCC", icon = "paw" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var renamed = await user.Client.PatchAsJsonAsync($"/api/v1/categories/{id}", new { name = "Pet care", color = "#112233" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pet care", body.GetProperty("name").GetString());
        Assert.Equal("#112233", body.GetProperty("color").GetString());
        Assert.Equal("paw", body.GetProperty("icon").GetString());
        Assert.False(body.GetProperty("isDefault").GetBoolean());
    }

    [Theory]
    [InlineData("groceries")]
    [InlineData("  GROCERIES ")]
    public async Task Create_WithAnExistingNameInAnyCase_Returns409(string name)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/categories", new { name });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rename_ToAnExistingName_Returns409()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();

        var response = await user.Client.PatchAsJsonAsync($"/api/v1/categories/{categories["Travel"]}", new { name = "housing" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":\"x\",\"color\":\"red\"}", "color")]
    [InlineData("{\"name\":\"x\",\"icon\":\"<svg>\"}", "icon")]
    public async Task Create_WithInvalidFields_ReturnsValidationProblem(string json, string field)
    {
        var user = await app.RegisterUserAsync();

        var response = await user.Client.PostAsync("/api/v1/categories", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Delete_ACategoryInUseWithoutReassign_Returns409AndKeepsIt()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        await user.AddExpenseAsync(categoryId: categories["Travel"]);

        var response = await user.Client.DeleteAsync($"/api/v1/categories/{categories["Travel"]}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Travel", (await user.CategoriesAsync()).Keys);
    }

    [Fact]
    public async Task Delete_WithReassignTo_MovesEveryExpenseIncludingDeletedOnes()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        var live = await user.AddExpenseAsync(categoryId: categories["Travel"]);
        var deleted = await user.AddExpenseAsync(categoryId: categories["Travel"]);
        await user.Client.DeleteAsync($"/api/v1/expenses/{deleted.Id}");

        var response = await user.Client.DeleteAsync($"/api/v1/categories/{categories["Travel"]}?reassignTo={categories["Other"]}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain("Travel", (await user.CategoriesAsync()).Keys);
        Assert.Equal("Other", (await user.Client.GetFromJsonAsync<TestExpense>($"/api/v1/expenses/{live.Id}"))!.CategoryName);
        var restored = await user.Client.PostAsync($"/api/v1/expenses/{deleted.Id}/restore", null);
        Assert.Equal("Other", (await restored.Content.ReadFromJsonAsync<TestExpense>())!.CategoryName);
    }

    [Fact]
    public async Task Delete_ReassigningToAnotherUsersCategory_IsRefused()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        var mine = await stranger.CategoriesAsync();
        var theirs = await owner.CategoriesAsync();

        var response = await stranger.Client.DeleteAsync($"/api/v1/categories/{mine["Travel"]}?reassignTo={theirs["Other"]}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reassignTo", out _));
    }

    [Fact]
    public async Task AnotherUsersCategory_Is404ForEveryChange()
    {
        var owner = await app.RegisterUserAsync();
        var stranger = await app.RegisterUserAsync();
        var theirs = (await owner.CategoriesAsync())["Travel"];

        await (await stranger.Client.PatchAsJsonAsync($"/api/v1/categories/{theirs}", new { name = "Mine now" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/api/v1/categories/{theirs}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("Travel", (await owner.CategoriesAsync()).Keys);
    }
}
