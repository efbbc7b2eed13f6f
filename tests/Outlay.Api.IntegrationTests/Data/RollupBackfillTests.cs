using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Auth;
using Outlay.Api.Categories;
using Outlay.Api.Data;
using Outlay.Api.Expenses;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.Users;

namespace Outlay.Api.IntegrationTests.Data;

/// <summary>
/// Upgrading a database that already has expenses: the AddSpendingRollups migration fills the roll-ups from them,
/// and each live expense must be counted exactly once, by the back-fill and not again by the triggers. Each test
/// gets its own database, stopped at the migration before the roll-ups.
/// </summary>
public sealed class RollupBackfillTests : IAsyncLifetime
{
    private const string Password = TestUsers.StrongPassword;

    private readonly UnmigratedApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Upgrade_OfADatabaseWithExpenses_CountsEachLiveExpenseExactlyOnce()
    {
        await MigrateToJustBeforeTheRollupsAsync();
        List<Expense> expenses = [.. await SeedAsync(seed: 1), .. await SeedAsync(seed: 2)];

        await MigrateToLatestAsync();

        var expected = GroupByLive(expenses);
        var actual = await RollupsAsync();
        Assert.Equal(expected.Daily, actual.Daily);
        Assert.Equal(expected.Monthly, actual.Monthly);
        // The seed is varied enough to mean something: shared rows, deleted expenses and expenses without a merchant.
        Assert.Contains(actual.Daily, d => d.Count > 1);
        Assert.Contains(actual.Monthly, m => m.Count > 1);
        Assert.Contains(expenses, e => e.DeletedAt is not null);
        Assert.Contains(expenses, e => e.DeletedAt is null && e.Merchant is null);
    }

    [Fact]
    public async Task Upgrade_ThenDeletingAndRestoringEveryOldExpense_EmptiesAndRefillsTheRollupsExactly()
    {
        await MigrateToJustBeforeTheRollupsAsync();
        var expenses = await SeedAsync(seed: 3);
        await MigrateToLatestAsync();
        var client = await LogInAsync(expenses[0].UserId);
        var live = expenses.Where(e => e.DeletedAt is null).ToList();

        foreach (var expense in live)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/expenses/{expense.Id}")).StatusCode);
        }

        // Counted twice (by the back-fill and again by the triggers), rows would be left over at the end.
        var emptied = await RollupsAsync();
        Assert.Empty(emptied.Daily);
        Assert.Empty(emptied.Monthly);

        foreach (var expense in live)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/expenses/{expense.Id}/restore", null)).StatusCode);
        }

        var expected = GroupByLive(expenses);
        var refilled = await RollupsAsync();
        Assert.Equal(expected.Daily, refilled.Daily);
        Assert.Equal(expected.Monthly, refilled.Monthly);
    }

    private async Task MigrateToJustBeforeTheRollupsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var rollups = migrations.FindIndex(m => m.EndsWith("_AddSpendingRollups", StringComparison.Ordinal));
        Assert.True(rollups > 0, string.Join(", ", migrations));
        await db.GetService<IMigrator>().MigrateAsync(migrations[rollups - 1]);
        Assert.Equal(migrations[..rollups], await db.Database.GetAppliedMigrationsAsync());
    }

    private async Task MigrateToLatestAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>
    /// A user with categories and sixty expenses, written with EF entities as the app of the time stored them:
    /// a few days and merchants so rows are shared, some deleted, some without a merchant, some in other currencies.
    /// </summary>
    private async Task<List<Expense>> SeedAsync(int seed)
    {
        var random = new Random(seed);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var user = new User
        {
            Email = TestUsers.NewEmail(),
            PasswordHash = await scope.ServiceProvider.GetRequiredService<PasswordHasher>().HashAsync(Password, CancellationToken.None),
        };
        var categories = new[] { "Groceries", "Travel", "Health" }
            .Select(name => new Category { UserId = user.Id, Name = name, NormalizedName = Category.Normalize(name) }).ToList();
        DateOnly[] days = [new(2025, 12, 31), new(2026, 1, 1), new(2026, 1, 31), new(2026, 2, 1)];
        string?[] merchants = ["Cafe Uno", "cafe uno", "Rail Co", null];
        string[] currencies = ["USD", "USD", "EUR"];
        var expenses = Enumerable.Range(0, 60).Select(i => new Expense
        {
            UserId = user.Id,
            Amount = random.Next(1, 100_000) / 100m,
            Currency = currencies[random.Next(currencies.Length)],
            OccurredOn = days[random.Next(days.Length)],
            CategoryId = categories[random.Next(categories.Count)].Id,
            Merchant = merchants[random.Next(merchants.Length)],
            DeletedAt = random.Next(5) == 0 ? DateTimeOffset.UtcNow.AddDays(-random.Next(1, 20)) : null,
        }).ToList();
        db.Users.Add(user);
        db.Categories.AddRange(categories);
        db.Expenses.AddRange(expenses);
        await db.SaveChangesAsync();
        return expenses;
    }

    private async Task<HttpClient> LogInAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = await scope.ServiceProvider.GetRequiredService<OutlayDbContext>().Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadAuthAsync()).AccessToken);
        return client;
    }

    /// <summary>What the roll-ups must hold: the GROUP BY of the live ones among these expenses.</summary>
    private static RollupRows GroupByLive(IEnumerable<Expense> expenses) => RollupRows.GroupBy(expenses
        .Where(e => e.DeletedAt is null)
        .Select(e => new CountedExpense(e.UserId, e.OccurredOn, e.CategoryId, e.Currency, e.Amount, e.Merchant)));

    private async Task<RollupRows> RollupsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await RollupRows.ReadAsync(scope.ServiceProvider.GetRequiredService<OutlayDbContext>());
    }

    /// <summary>The app over a database it does not migrate on start-up, so a test can stop it at an older schema.</summary>
    private sealed class UnmigratedApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Database:MigrateOnStartup"] = "false",
        };
    }
}
