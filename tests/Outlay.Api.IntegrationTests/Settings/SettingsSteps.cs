using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Settings;

public static class SettingsSteps
{
    public const string Path = "/api/v1/admin/settings";

    public static async Task<JsonElement> GetSettingsAsync(this TestUser admin) =>
        await admin.Client.GetFromJsonAsync<JsonElement>(Path);

    public static Task<HttpResponseMessage> PatchSettingsAsync(this TestUser admin, object patch) =>
        admin.Client.PatchAsJsonAsync(Path, patch);

    public static async Task<JsonElement> PatchOkAsync(this TestUser admin, object patch)
    {
        var response = await admin.PatchSettingsAsync(patch);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> AuditAsync(this TestUser admin, string query = "")
    {
        var page = await admin.Client.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
