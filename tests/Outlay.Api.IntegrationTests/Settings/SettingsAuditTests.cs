using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Settings;

public sealed class SettingsAuditTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task EveryChangedKey_IsAuditedWithWhoWhatOldAndNew_NewestFirst()
    {
        var admin = await app.RegisterAdminAsync();

        await admin.PatchOkAsync(new { accessTokenMinutes = 20, refreshTokenDays = 10 });
        await admin.PatchOkAsync(new { accessTokenMinutes = 25 });
        await admin.PatchOkAsync(new { accessTokenMinutes = 25 }); // no change, no entry

        var entries = (await admin.AuditAsync()).Where(e => e.GetProperty("target").GetString() is "accessTokenMinutes" or "refreshTokenDays").ToList();
        Assert.Equal(3, entries.Count);
        var newest = entries[0];
        Assert.Equal("settings.update", newest.GetProperty("action").GetString());
        Assert.Equal("accessTokenMinutes", newest.GetProperty("target").GetString());
        Assert.Equal(admin.Id, newest.GetProperty("actorId").GetGuid());
        Assert.Equal(admin.Email, newest.GetProperty("actorEmail").GetString());
        Assert.Equal(20, newest.GetProperty("detail").GetProperty("old").GetInt32());
        Assert.Equal(25, newest.GetProperty("detail").GetProperty("new").GetInt32());
        Assert.Equal(["accessTokenMinutes", "accessTokenMinutes", "refreshTokenDays"], entries.Select(e => e.GetProperty("target").GetString()).Order());
        var first = entries.Single(e => e.GetProperty("target").GetString() == "refreshTokenDays");
        Assert.Equal(30, first.GetProperty("detail").GetProperty("old").GetInt32());
        Assert.Equal(10, first.GetProperty("detail").GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Audit_PagesWithACursor()
    {
        var admin = await app.RegisterAdminAsync();
        for (var i = 0; i < 3; i++)
        {
            await admin.PatchOkAsync(new { insights = new { savingsCutPercent = 30 + i } });
        }

        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var all = await admin.AuditAsync("?limit=200");
        Assert.Equal(all.Select(e => e.GetProperty("id").GetGuid()), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var ats = all.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(ats.OrderDescending(), ats);
    }
}
