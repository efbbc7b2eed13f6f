using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outlay.Api.Expenses;
using Outlay.Api.IntegrationTests.Infrastructure;
using Outlay.Api.IntegrationTests.Sms;

namespace Outlay.Api.IntegrationTests.Reports;

/// <summary>
/// daily_spending and monthly_merchant_spending are a GROUP BY over live expenses, kept by database triggers.
/// After every way an expense can be written, both must hold exactly what that GROUP BY gives: the same sums
/// and counts, and no other rows (none left behind at zero). Each test keeps its own list of the expenses that
/// exist, built from what it asked for, and compares the roll-ups with the GROUP BY of that list; it also
/// checks the expenses table against the list, so a failure says which side is wrong.
/// </summary>
public sealed class SpendingRollupTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    private const string CsvHeader = "date,amount,currency,category,merchant,note";

    private static readonly DateOnly March31 = new(2026, 3, 31);
    private static readonly DateOnly March = new(2026, 3, 1);

    private static readonly DateOnly[] Days =
        [new(2025, 12, 30), new(2025, 12, 31), new(2026, 1, 1), new(2026, 1, 2), new(2026, 1, 31), new(2026, 2, 1), new(2026, 2, 28), new(2026, 3, 1)];

    [Fact]
    public async Task Create_CountsTheExpenseInItsDayAndInItsMerchantsMonth()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];

        List<Spent> known =
        [
            await AddAsync(user, "10.00", "2026-03-31", groceries, "Market Hall"),
            await AddAsync(user, "2.50", "2026-03-31", groceries, "Market Hall"),
            await AddAsync(user, "7.25", "2026-03-31", groceries, merchant: null),
            await AddAsync(user, "1.00", "2026-03-02", groceries, "Market Hall"),
        ];

        var rollups = await AssertRollupsMatchAsync(known, user);
        Assert.Equal(
            [new DayRow(user.Id, new DateOnly(2026, 3, 2), groceries, "USD", 1.00m, 1), new DayRow(user.Id, March31, groceries, "USD", 19.75m, 3)],
            rollups.Daily);
        Assert.Equal([new MonthRow(user.Id, March, "USD", "Market Hall", 13.50m, 3)], rollups.Monthly);
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("day")]
    [InlineData("day in the next month")]
    [InlineData("category")]
    [InlineData("currency")]
    [InlineData("currency with other minor units")]
    [InlineData("merchant")]
    [InlineData("merchant in another case")]
    [InlineData("merchant cleared")]
    [InlineData("everything")]
    public async Task Update_OfACountedField_MovesTheExpenseFromItsOldRowsToItsNewOnes(string change)
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        var groceries = categories["Groceries"];
        // A sibling stays behind in the old rows, so the old rows must be reduced, not just dropped.
        var sibling = await AddAsync(user, "5.00", "2026-03-31", groceries, "Market Hall");
        var expense = await AddAsync(user, "10.00", "2026-03-31", groceries, "Market Hall");
        var (patch, expected) = change switch
        {
            "amount" => ((object)new { amount = "12.35" }, expense with { Amount = 12.35m }),
            "day" => (new { occurredOn = "2026-03-30" }, expense with { Day = new DateOnly(2026, 3, 30) }),
            "day in the next month" => (new { occurredOn = "2026-04-01" }, expense with { Day = new DateOnly(2026, 4, 1) }),
            "category" => (new { categoryId = categories["Health"] }, expense with { CategoryId = categories["Health"] }),
            "currency" => (new { currency = "EUR" }, expense with { Currency = "EUR" }),
            "currency with other minor units" => (new { currency = "JPY", amount = "1500" }, expense with { Currency = "JPY", Amount = 1500m }),
            "merchant" => (new { merchant = "Corner Shop" }, expense with { Merchant = "Corner Shop" }),
            "merchant in another case" => (new { merchant = "MARKET HALL" }, expense with { Merchant = "MARKET HALL" }),
            "merchant cleared" => (new { merchant = (string?)null }, expense with { Merchant = null }),
            _ => (new { amount = "0.99", currency = "EUR", occurredOn = "2026-02-28", categoryId = categories["Travel"], merchant = "Rail Co" },
                expense with { Amount = 0.99m, Currency = "EUR", Day = new DateOnly(2026, 2, 28), CategoryId = categories["Travel"], Merchant = "Rail Co" }),
        };

        var updated = await PatchAsync(user, expense.Id, patch);

        Assert.Equal(expected, updated);
        await AssertRollupsMatchAsync([sibling, updated], user);
    }

    [Fact]
    public async Task Update_GivingAMerchantToAnExpenseWithout_AddsItToTheMonthlyRollup()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var expense = await AddAsync(user, "4.40", "2026-01-31", groceries, merchant: null);
        Assert.Empty((await AssertRollupsMatchAsync([expense], user)).Monthly);

        var updated = await PatchAsync(user, expense.Id, new { merchant = "Bakery" });

        var rollups = await AssertRollupsMatchAsync([updated], user);
        Assert.Equal([new MonthRow(user.Id, new DateOnly(2026, 1, 1), "USD", "Bakery", 4.40m, 1)], rollups.Monthly);
    }

    [Fact]
    public async Task Update_OfTheNoteOrTagsOnly_ChangesNoRollupRow()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var expense = await AddAsync(user, "3.30", "2026-03-31", groceries, "Market Hall");
        var other = await AddAsync(user, "6.60", "2026-03-31", groceries, "Market Hall");
        var before = await AssertRollupsMatchAsync([expense, other], user);

        var updated = await PatchAsync(user, expense.Id, new { note = "for the party", tags = new[] { "party" } });
        await PatchAsync(user, expense.Id, new { note = (string?)null });

        Assert.Equal(expense, updated);
        var after = await AssertRollupsMatchAsync([expense, other], user);
        Assert.Equal(before.Daily, after.Daily);
        Assert.Equal(before.Monthly, after.Monthly);
        Assert.Equal([new DayRow(user.Id, March31, groceries, "USD", 9.90m, 2)], after.Daily);
    }

    [Fact]
    public async Task Delete_TakesTheExpenseOutAndRestorePutsItBackOnce()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var kept = await AddAsync(user, "8.00", "2026-03-31", groceries, "Market Hall");
        var deleted = await AddAsync(user, "2.00", "2026-03-31", groceries, "Market Hall");
        var alone = await AddAsync(user, "9.99", "2026-02-14", groceries, "Florist");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/expenses/{deleted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/expenses/{alone.Id}")).StatusCode);
        await (await user.Client.DeleteAsync($"/api/v1/expenses/{alone.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var whileDeleted = await AssertRollupsMatchAsync([kept, deleted with { IsDeleted = true }, alone with { IsDeleted = true }], user);
        Assert.Equal([new DayRow(user.Id, March31, groceries, "USD", 8.00m, 1)], whileDeleted.Daily);
        Assert.Equal([new MonthRow(user.Id, March, "USD", "Market Hall", 8.00m, 1)], whileDeleted.Monthly);

        await RestoreAsync(user, deleted.Id);
        await RestoreAsync(user, alone.Id);
        await RestoreAsync(user, alone.Id);

        var restored = await AssertRollupsMatchAsync([kept, deleted, alone], user);
        Assert.Contains(new DayRow(user.Id, March31, groceries, "USD", 10.00m, 2), restored.Daily);
        Assert.Contains(new MonthRow(user.Id, new DateOnly(2026, 2, 1), "USD", "Florist", 9.99m, 1), restored.Monthly);
    }

    [Fact]
    public async Task Import_CountsEachImportedRowOnceAndDryRunsAndSkippedDuplicatesNotAtAll()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var existing = await AddAsync(user, "1.00", "2026-03-31", groceries, "Market Hall");
        // 250 rows are several INSERT statements on PostgreSQL, each with many rows for the same day and merchant.
        var rows = Enumerable.Range(0, 250).Select(i => new ImportedRow(
            new DateOnly(2026, 3, 29).AddDays(i % 4),
            i % 7 == 0 ? "EUR" : "USD",
            (i + 1) / 4m,
            i % 3 == 0 ? "Groceries" : "Pet Food",
            i % 5 == 0 ? null : $"Shop {i % 3}",
            $"row {i}")).ToList();
        var csv = Csv(rows);

        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, csv, dryRun: true), imported: 250, duplicates: 0);
        await AssertRollupsMatchAsync([existing], user);
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, csv), imported: 250, duplicates: 0);
        await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, csv), imported: 0, duplicates: 250);

        var categories = await user.CategoriesAsync();
        var imported = rows.Select(r => new Spent(Guid.Empty, user.Id, r.Day, categories[r.Category], r.Currency, r.Amount, r.Merchant));
        var rollups = await AssertRollupsMatchAsync([existing, .. imported], user);
        Assert.Equal(251, rollups.Daily.Sum(d => d.Count));
        Assert.Contains(rollups.Daily, d => d.CategoryId == categories["Pet Food"]);
    }

    [Fact]
    public async Task SmsIngestion_CountsTheExpenseOnceAndNeitherARepeatNorASecondTextAboutThePayment()
    {
        var (user, phone, _) = await app.PhoneForwardingAsync();

        var card = await IngestedExpenseAsync(user, await phone.PostSmsAsync(SmsSteps.CardDebit), "created");
        await IngestedExpenseAsync(user, await phone.PostSmsAsync(SmsSteps.CardDebit), "duplicate");
        var upi = await IngestedExpenseAsync(user, await phone.PostSmsAsync(SmsSteps.UpiDebit), "created");
        await IngestedExpenseAsync(user, await phone.PostSmsAsync(SmsSteps.UpiAppNotice, sender: "VM-PAYAPP"), "duplicate");

        var rollups = await AssertRollupsMatchAsync([card, upi], user);
        Assert.Equal(2, rollups.Daily.Sum(d => d.Count));
        Assert.Contains(new MonthRow(user.Id, new DateOnly(2026, 11, 1), "INR", "CINEPOLIS", 899.00m, 1), rollups.Monthly);
    }

    [Fact]
    public async Task DeleteCategory_WithReassignTo_MovesLiveAndDeletedExpensesAndARestoredOneLandsInTheNewCategory()
    {
        var user = await app.RegisterUserAsync();
        var health = (await user.CategoriesAsync())["Health"];
        var pets = await CreateCategoryAsync(user, "Pets");
        var vet = await AddAsync(user, "80.00", "2026-03-31", pets, "Vet");
        var food = await AddAsync(user, "20.00", "2026-03-31", pets, "Pet Shop");
        var toys = await AddAsync(user, "15.00", "2026-03-31", pets, "Pet Shop");
        var pharmacy = await AddAsync(user, "12.00", "2026-03-31", health, "Pharmacy");
        await user.Client.DeleteAsync($"/api/v1/expenses/{toys.Id}");

        var response = await user.Client.DeleteAsync($"/api/v1/categories/{pets}?reassignTo={health}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var moved = await AssertRollupsMatchAsync(
            [vet with { CategoryId = health }, food with { CategoryId = health }, toys with { CategoryId = health, IsDeleted = true }, pharmacy], user);
        Assert.Equal([new DayRow(user.Id, March31, health, "USD", 112.00m, 3)], moved.Daily);

        var restored = await RestoreAsync(user, toys.Id);

        Assert.Equal(health, restored.CategoryId);
        var after = await AssertRollupsMatchAsync([vet with { CategoryId = health }, food with { CategoryId = health }, restored, pharmacy], user);
        Assert.Equal([new DayRow(user.Id, March31, health, "USD", 127.00m, 4)], after.Daily);
        Assert.Contains(new MonthRow(user.Id, March, "USD", "Pet Shop", 35.00m, 2), after.Monthly);
    }

    [Fact]
    public async Task Purge_OfExpiredDeletions_LeavesTheRollupsOfLiveExpensesAsTheyWere()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var live = await AddAsync(user, "6.00", "2026-03-31", groceries, "Market Hall");
        var expired = await AddAsync(user, "4.00", "2026-03-31", groceries, "Market Hall");
        var recent = await AddAsync(user, "3.00", "2026-03-31", groceries, "Market Hall");
        await user.Client.DeleteAsync($"/api/v1/expenses/{expired.Id}");
        await user.Client.DeleteAsync($"/api/v1/expenses/{recent.Id}");
        await ExpireDeletionsAsync([expired.Id]);

        await app.Services.GetRequiredService<ExpiredDeletionPurge>().PurgeOnceAsync(CancellationToken.None);

        Assert.False(await app.InDatabaseAsync(db => db.Expenses.IgnoreQueryFilters().AnyAsync(e => e.Id == expired.Id)));
        var rollups = await AssertRollupsMatchAsync([live, recent with { IsDeleted = true }], user);
        Assert.Equal([new DayRow(user.Id, March31, groceries, "USD", 6.00m, 1)], rollups.Daily);
        await RestoreAsync(user, recent.Id);
        await AssertRollupsMatchAsync([live, recent], user);
    }

    [Theory]
    [InlineData("themselves")]
    [InlineData("an admin")]
    public async Task DeleteAccount_RemovesThatUsersRowsAndLeavesEveryoneElsesUntouched(string deletedBy)
    {
        var leaving = await app.RegisterUserAsync();
        var staying = await app.RegisterUserAsync();
        var leavingExpenses = await AddTheSameFourExpensesAsync(leaving);
        var stayingExpenses = await AddTheSameFourExpensesAsync(staying);
        await leaving.Client.DeleteAsync($"/api/v1/expenses/{leavingExpenses[0].Id}");
        Assert.NotEmpty((await RollupsAsync([leaving.Id])).Monthly);
        var before = await AssertRollupsMatchAsync(stayingExpenses, staying);

        var response = deletedBy == "themselves"
            ? await DeleteOwnAccountAsync(leaving)
            : await (await app.RegisterAdminAsync()).Client.DeleteAsync($"/api/v1/admin/users/{leaving.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var gone = await RollupsAsync([leaving.Id]);
        Assert.Empty(gone.Daily);
        Assert.Empty(gone.Monthly);
        var after = await AssertRollupsMatchAsync(stayingExpenses, staying);
        Assert.Equal(before.Daily, after.Daily);
        Assert.Equal(before.Monthly, after.Monthly);
    }

    [Fact]
    public async Task Create_TwentyAtOnceOnTheSameDayAndCategory_AddUpExactly()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var amounts = Enumerable.Range(1, 20).Select(i => i + (i / 100m)).ToList();

        var responses = await Task.WhenAll(amounts.Select(amount => app.ClientWithToken(user.AccessToken).PostAsJsonAsync(
            "/api/v1/expenses", new { amount = amount.ToString(CultureInfo.InvariantCulture), occurredOn = "2026-03-31", categoryId = groceries, merchant = "Market Hall" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var created = await Task.WhenAll(responses.Select(r => SpentFromAsync(user, r)));
        var rollups = await AssertRollupsMatchAsync(created, user);
        Assert.Equal([new DayRow(user.Id, March31, groceries, "USD", amounts.Sum(), 20)], rollups.Daily);
        Assert.Equal([new MonthRow(user.Id, March, "USD", "Market Hall", amounts.Sum(), 20)], rollups.Monthly);
    }

    [Fact]
    public async Task Update_TwentyAtOnceOnTheSameDays_AddUpExactly()
    {
        var user = await app.RegisterUserAsync();
        var categories = await user.CategoriesAsync();
        var groceries = categories["Groceries"];
        var health = categories["Health"];
        var expenses = new List<Spent>();
        for (var i = 0; i < 20; i++)
        {
            expenses.Add(await AddAsync(user, $"{i + 1}.00", i % 2 == 0 ? "2026-03-31" : "2026-04-01", groceries, "Market Hall"));
        }

        // New amounts, deletions, and moves from 31 March into the rows of 1 April (another month too), all at once:
        // every request changes rows that others are changing. All moves go the same way.
        var responses = await Task.WhenAll(expenses.Select((expense, i) =>
        {
            var client = app.ClientWithToken(user.AccessToken);
            var url = $"/api/v1/expenses/{expense.Id}";
            return (i % 4) switch
            {
                0 => client.PatchAsJsonAsync(url, new { occurredOn = "2026-04-01" }),
                1 => client.PatchAsJsonAsync(url, new { amount = $"{i + 1}.50" }),
                2 => client.PatchAsJsonAsync(url, new { categoryId = health, occurredOn = "2026-04-01" }),
                _ => client.DeleteAsync(url),
            };
        }));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} for {r.RequestMessage?.Method}"));
        var now = await Task.WhenAll(expenses.Select(async (expense, i) => i % 4 == 3 ? expense with { IsDeleted = true } : await SpentFromAsync(user, responses[i])));
        var rollups = await AssertRollupsMatchAsync(now, user);
        Assert.Equal(15, rollups.Daily.Sum(d => d.Count));
    }

    [Fact]
    public async Task Update_TwentyAtOnceMovingBetweenTwoDaysInBothDirections_AllSucceedAndAddUp()
    {
        var user = await app.RegisterUserAsync();
        var groceries = (await user.CategoriesAsync())["Groceries"];
        var expenses = new List<Spent>();
        for (var i = 0; i < 20; i++)
        {
            expenses.Add(await AddAsync(user, $"{i + 1}.00", i % 2 == 0 ? "2026-03-31" : "2026-04-01", groceries, "Market Hall"));
        }

        // Each request moves an expense to the other day, so half the writers lock 31 March then 1 April and the
        // other half the reverse unless the roll-ups are written in one order: a deadlock fails requests.
        var responses = await Task.WhenAll(expenses.Select((expense, i) => app.ClientWithToken(user.AccessToken)
            .PatchAsJsonAsync($"/api/v1/expenses/{expense.Id}", new { occurredOn = i % 2 == 0 ? "2026-04-01" : "2026-03-31" })));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} for {r.RequestMessage?.RequestUri}"));
        var now = await Task.WhenAll(responses.Select(response => SpentFromAsync(user, response)));
        var rollups = await AssertRollupsMatchAsync(now, user);
        Assert.Equal(20, rollups.Daily.Sum(d => d.Count));
    }

    /// <summary>
    /// Property-style: a seeded stream of every kind of write for three users (with the roll-ups compared after each
    /// one), then one of the accounts deleted.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomWrites_OfEveryKind_KeepBothRollupsEqualToTheGroupByOfLiveExpenses(int seed)
    {
        const int steps = 200;
        var random = new Random(seed);
        var writers = new List<Writer>();
        for (var i = 0; i < 3; i++)
        {
            var (user, phone, _) = await app.PhoneForwardingAsync();
            writers.Add(new Writer(user, phone, await user.CategoriesAsync()));
        }

        var users = writers.Select(w => w.User).ToArray();
        var known = new Dictionary<Guid, Spent>();
        var kinds = new HashSet<string>();
        for (var step = 1; step <= steps; step++)
        {
            var (kind, description) = await WriteAtRandomAsync(random, writers[random.Next(writers.Count)], known, step);
            kinds.Add(kind);
            await AssertRollupsMatchAsync(known.Values, $"seed {seed}, step {step}: {description}", users);
        }

        var leaving = users[0];
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteOwnAccountAsync(leaving)).StatusCode);

        var gone = await RollupsAsync([leaving.Id]);
        Assert.Empty(gone.Daily);
        Assert.Empty(gone.Monthly);
        await AssertRollupsMatchAsync(known.Values.Where(e => e.UserId != leaving.Id), $"seed {seed}, after deleting an account", users[1..]);
        // A run that never reached a kind of write would prove less than its name says.
        Assert.Equal(["category delete", "category new", "create", "delete", "import", "purge", "repeat", "restore", "sms", "update"], kinds.Order());
    }

    private async Task<(string Kind, string Description)> WriteAtRandomAsync(Random random, Writer writer, Dictionary<Guid, Spent> known, int step)
    {
        var user = writer.User;
        var live = known.Values.Where(e => e.UserId == user.Id && !e.IsDeleted).ToList();
        var deleted = known.Values.Where(e => e.UserId == user.Id && e.IsDeleted).ToList();
        // Deleting a category that holds expenses moves them; one that holds none proves little.
        var inUse = known.Values.Where(e => e.UserId == user.Id).Select(e => e.CategoryId).ToHashSet();
        var removableCategories = writer.Categories.Where(c => c.Key != "Other").OrderByDescending(c => inUse.Contains(c.Value)).Take(3).ToList();
        var roll = random.Next(100);
        if (roll < 25 || (roll is >= 25 and < 60 && live.Count == 0) || (roll is >= 60 and < 70 && deleted.Count == 0))
        {
            var currency = RandomCurrency(random);
            var created = await AddAsync(
                user, RandomAmount(random, currency), Iso(RandomDay(random)), RandomCategory(random, writer), RandomMerchant(random), currency, $"step {step}");
            known[created.Id] = created;
            return ("create", $"create {created}");
        }

        if (roll < 50)
        {
            var target = live[random.Next(live.Count)];
            var patch = RandomPatch(random, writer, target);
            known[target.Id] = await PatchAsync(user, target.Id, patch);
            return ("update", $"update {target} with {JsonSerializer.Serialize(patch)}");
        }

        if (roll < 60)
        {
            var target = live[random.Next(live.Count)];
            Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/expenses/{target.Id}")).StatusCode);
            known[target.Id] = target with { IsDeleted = true };
            return ("delete", $"delete {target}");
        }

        if (roll < 70)
        {
            var target = deleted[random.Next(deleted.Count)];
            known[target.Id] = await RestoreAsync(user, target.Id);
            return ("restore", $"restore {target}");
        }

        if (roll < 75 && live.Count > 0 && deleted.Count > 0)
        {
            // Repeats change nothing: deleting a deleted expense is a 404, restoring a live one a no-op.
            await (await user.Client.DeleteAsync($"/api/v1/expenses/{deleted[0].Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(live[0], await RestoreAsync(user, live[0].Id));
            return ("repeat", $"delete {deleted[0]} again and restore live {live[0]}");
        }

        if (roll < 82)
        {
            var rows = Enumerable.Range(0, random.Next(1, 5)).Select(i =>
            {
                var currency = RandomCurrency(random);
                return new ImportedRow(RandomDay(random), currency, decimal.Parse(RandomAmount(random, currency), CultureInfo.InvariantCulture),
                    writer.Categories.Keys.ElementAt(random.Next(writer.Categories.Count)), RandomMerchant(random), $"import {step}.{i}");
            }).ToList();
            await TestExpenses.AssertImportReportAsync(await TestExpenses.ImportCsvAsync(user, Csv(rows)), imported: rows.Count, duplicates: 0);
            var imported = await app.InDatabaseAsync(db => db.Expenses.AsNoTracking()
                .Where(e => e.UserId == user.Id && e.Source == ExpenseSource.Import)
                .Select(e => new Spent(e.Id, e.UserId, e.OccurredOn, e.CategoryId, e.Currency, e.Amount, e.Merchant, false))
                .ToListAsync());
            var added = imported.Where(e => !known.ContainsKey(e.Id)).ToList();
            Assert.Equal(
                rows.Select(r => (r.Day, r.Currency, r.Amount, r.Merchant)).Order(),
                added.Select(e => (e.Day, e.Currency, e.Amount, e.Merchant)).Order());
            foreach (var expense in added)
            {
                known[expense.Id] = expense;
            }

            return ("import", $"import {string.Join("; ", rows)}");
        }

        if (roll < 88)
        {
            var merchant = new[] { "CINEPOLIS", "SWIGGY", "FRESHMART" }[random.Next(3)];
            var amount = random.Next(100, 99_999) / 100m;
            // A new card each time: the same amount on the same card and day would rightly be taken for one payment.
            var body = $"INR {amount.ToString("0.00", CultureInfo.InvariantCulture)} spent on card XX{1000 + step} at {merchant} on {RandomDay(random).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.";
            var created = await IngestedExpenseAsync(user, await writer.Phone.PostSmsAsync(body), "created");
            known[created.Id] = created;
            return ("sms", $"SMS '{body}' gave {created}");
        }

        if (roll < 91 || removableCategories.Count == 0)
        {
            var name = $"Extra {step}";
            writer.Categories[name] = await CreateCategoryAsync(user, name);
            return ("category new", $"new category {name}");
        }

        if (roll < 96)
        {
            var (name, id) = removableCategories[random.Next(removableCategories.Count)];
            var destinations = writer.Categories.Where(c => c.Key != name).OrderByDescending(c => inUse.Contains(c.Value)).Take(2).ToList();
            var destination = destinations[random.Next(destinations.Count)].Value;
            Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/v1/categories/{id}?reassignTo={destination}")).StatusCode);
            writer.Categories.Remove(name);
            foreach (var expense in known.Values.Where(e => e.CategoryId == id).ToList())
            {
                known[expense.Id] = expense with { CategoryId = destination };
            }

            return ("category delete", $"delete category {name} ({id}) into {destination}");
        }

        var expiring = known.Values.Where(e => e.IsDeleted).OrderBy(_ => random.Next()).Take(3).Select(e => e.Id).ToList();
        await ExpireDeletionsAsync(expiring);
        await app.Services.GetRequiredService<ExpiredDeletionPurge>().PurgeOnceAsync(CancellationToken.None);
        foreach (var id in expiring)
        {
            known.Remove(id);
        }

        return ("purge", $"purge {string.Join(", ", expiring)}");
    }

    private static object RandomPatch(Random random, Writer writer, Spent target)
    {
        var currency = RandomCurrency(random);
        return random.Next(8) switch
        {
            0 => new { amount = RandomAmount(random, target.Currency) },
            1 => new { occurredOn = RandomDay(random) },
            2 => new { categoryId = RandomCategory(random, writer) },
            3 => new { currency, amount = RandomAmount(random, currency) },
            4 => new { merchant = RandomMerchant(random) ?? "Kiosk" },
            5 => new { merchant = (string?)null },
            6 => new { note = $"edited {random.Next()}" },
            _ => (object)new
            {
                amount = RandomAmount(random, currency), currency, occurredOn = RandomDay(random),
                merchant = RandomMerchant(random), categoryId = RandomCategory(random, writer),
            },
        };
    }

    private static string RandomCurrency(Random random) => new[] { "USD", "USD", "USD", "EUR", "JPY", "KWD" }[random.Next(6)];

    private static string RandomAmount(Random random, string currency) => currency switch
    {
        "JPY" => random.Next(1, 20_000).ToString(CultureInfo.InvariantCulture),
        "KWD" => (random.Next(1, 100_000) / 1000m).ToString("0.000", CultureInfo.InvariantCulture),
        _ => (random.Next(1, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>Few days, on both sides of a year's end and of months' ends, so that expenses often share a row.</summary>
    private static DateOnly RandomDay(Random random) => Days[random.Next(Days.Length)];

    /// <summary>Mostly the same few categories, so that rows often hold several expenses.</summary>
    private static Guid RandomCategory(Random random, Writer writer) =>
        writer.Categories.Values.ElementAt(random.Next(random.Next(2) == 0 ? Math.Min(3, writer.Categories.Count) : writer.Categories.Count));

    /// <summary>Merchants that differ only in case are different merchants, as entered.</summary>
    private static string? RandomMerchant(Random random) => new[] { "Cafe Uno", "cafe uno", "Rail Co", "Café Central", null, null }[random.Next(6)];

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<Spent>> AddTheSameFourExpensesAsync(TestUser user)
    {
        var categories = await user.CategoriesAsync();
        return
        [
            await AddAsync(user, "11.00", "2026-03-31", categories["Groceries"], "Market Hall"),
            await AddAsync(user, "12.00", "2026-03-31", categories["Groceries"], "Market Hall"),
            await AddAsync(user, "13.00", "2026-04-01", categories["Travel"], "Rail Co", "EUR"),
            await AddAsync(user, "14.00", "2026-04-01", categories["Travel"], merchant: null),
        ];
    }

    private static async Task<Spent> AddAsync(
        TestUser user, string amount, string occurredOn, Guid categoryId, string? merchant, string? currency = null, string? note = null) =>
        Spent.From(user.Id, await user.AddExpenseAsync(amount, merchant, occurredOn, categoryId, note, currency: currency));

    private static async Task<Spent> PatchAsync(TestUser user, Guid id, object patch)
    {
        var response = await user.Client.PatchAsJsonAsync($"/api/v1/expenses/{id}", patch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await SpentFromAsync(user, response);
    }

    private static async Task<Spent> RestoreAsync(TestUser user, Guid id)
    {
        var response = await user.Client.PostAsync($"/api/v1/expenses/{id}/restore", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SpentFromAsync(user, response);
    }

    private static async Task<Spent> SpentFromAsync(TestUser user, HttpResponseMessage response) =>
        Spent.From(user.Id, (await response.Content.ReadFromJsonAsync<TestExpense>())!);

    private static async Task<Spent> IngestedExpenseAsync(TestUser user, HttpResponseMessage response, string expectedStatus)
    {
        var body = await response.ReadIngestedAsync(expectedStatus);
        return Spent.From(user.Id, body.GetProperty("expense").Deserialize<TestExpense>(JsonSerializerOptions.Web)!);
    }

    private static async Task<Guid> CreateCategoryAsync(TestUser user, string name)
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/categories", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> DeleteOwnAccountAsync(TestUser user) =>
        user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = user.Password }) });

    private static string Csv(IEnumerable<ImportedRow> rows)
    {
        var csv = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Day:yyyy-MM-dd},{row.Amount},{row.Currency},{row.Category},{row.Merchant},{row.Note}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Moves the deletion of these expenses back past the restore window, as if a month had gone by.</summary>
    private Task<int> ExpireDeletionsAsync(List<Guid> ids)
    {
        var longAgo = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-31);
        return app.InDatabaseAsync(db => db.Expenses.IgnoreQueryFilters()
            .Where(e => ids.Contains(e.Id) && e.DeletedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.DeletedAt, longAgo)));
    }

    private Task<RollupRows> AssertRollupsMatchAsync(IEnumerable<Spent> known, params TestUser[] users) =>
        AssertRollupsMatchAsync(known, string.Empty, users);

    /// <summary>
    /// Asserts that the expenses table holds the live expenses the test knows of (for these users), and that both
    /// roll-up tables hold exactly the GROUP BY of them. Returns the roll-ups.
    /// </summary>
    private async Task<RollupRows> AssertRollupsMatchAsync(IEnumerable<Spent> known, string context, TestUser[] users)
    {
        var userIds = users.Select(u => u.Id).ToList();
        var expected = RollupRows.GroupBy(known.Where(e => userIds.Contains(e.UserId) && !e.IsDeleted).Select(e => e.Counted));
        var inTable = RollupRows.GroupBy(await app.InDatabaseAsync(db => db.Expenses.AsNoTracking()
            .Where(e => userIds.Contains(e.UserId))
            .Select(e => new CountedExpense(e.UserId, e.OccurredOn, e.CategoryId, e.Currency, e.Amount, e.Merchant))
            .ToListAsync()));
        var actual = await RollupsAsync(userIds);

        AssertSameRows(expected.Daily, inTable.Daily, "GROUP BY day of the expenses table (the test's own bookkeeping is off)", context);
        AssertSameRows(expected.Monthly, inTable.Monthly, "GROUP BY month of the expenses table (the test's own bookkeeping is off)", context);
        AssertSameRows(expected.Daily, actual.Daily, "daily_spending", context);
        AssertSameRows(expected.Monthly, actual.Monthly, "monthly_merchant_spending", context);
        await AssertSumsOfSquaresMatchAsync(known.Where(e => userIds.Contains(e.UserId) && !e.IsDeleted), userIds, context);
        return actual;
    }

    /// <summary>
    /// The daily sums of squared amounts (the spread behind the unusual-expense tip) are doubles, so they are compared
    /// within a relative 1e-9; SQLite stores them in its money scale (amount × 10,000, squared).
    /// </summary>
    private async Task AssertSumsOfSquaresMatchAsync(IEnumerable<Spent> live, List<Guid> userIds, string context)
    {
        var scaleSquared = TestEnvironment.UsesPostgres ? 1d : 1e8;
        var expected = live.GroupBy(e => (e.UserId, e.Day, e.CategoryId, e.Currency))
            .ToDictionary(g => g.Key, g => g.Sum(e => (double)e.Amount * (double)e.Amount));
        var stored = await app.InDatabaseAsync(db => db.DailySpending.AsNoTracking().Where(d => userIds.Contains(d.UserId))
            .Select(d => new { d.UserId, d.Day, d.CategoryId, d.Currency, d.TotalSquares }).ToListAsync());
        foreach (var row in stored)
        {
            var want = expected[(row.UserId, row.Day, row.CategoryId, row.Currency)];
            var got = row.TotalSquares / scaleSquared;
            Assert.True(Math.Abs(got - want) <= 1e-9 * Math.Max(1, want), $"total_squares of {row.Day} {row.Currency} is {got}, expected {want} {context}");
        }
    }

    private static void AssertSameRows<T>(List<T> expected, List<T> actual, string table, string context)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail(
                $"{table} is not the GROUP BY of the live expenses{(context.Length > 0 ? $" after {context}" : string.Empty)}.\n"
                + $"Expected but missing:\n  {string.Join("\n  ", expected.Except(actual))}\n"
                + $"Present but not expected:\n  {string.Join("\n  ", actual.Except(expected))}");
        }
    }

    private Task<RollupRows> RollupsAsync(List<Guid> userIds) => app.InDatabaseAsync(db => RollupRows.ReadAsync(db, userIds));

    /// <summary>An expense as the test knows it: what the roll-ups group and sum by.</summary>
    private sealed record Spent(Guid Id, Guid UserId, DateOnly Day, Guid CategoryId, string Currency, decimal Amount, string? Merchant, bool IsDeleted = false)
    {
        public static Spent From(Guid userId, TestExpense e) => new(
            e.Id, userId, DateOnly.ParseExact(e.OccurredOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), e.CategoryId, e.Currency,
            decimal.Parse(e.Amount, CultureInfo.InvariantCulture), e.Merchant);

        public CountedExpense Counted => new(UserId, Day, CategoryId, Currency, Amount, Merchant);
    }

    private sealed record ImportedRow(DateOnly Day, string Currency, decimal Amount, string Category, string? Merchant, string Note);

    private sealed record Writer(TestUser User, HttpClient Phone, Dictionary<string, Guid> Categories);
}
