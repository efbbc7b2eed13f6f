using System.Net.Http.Headers;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Settings;

public sealed class SettingsRedisTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [RedisFact]
    public async Task APatchOnOneInstance_IsSeenByAnotherWithinSeconds()
    {
        var admin = await app.RegisterAdminAsync();
        await using var other = app.WithWebHostBuilder(_ => { });
        var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        Assert.Equal(15, (await otherClient.GetFromJsonAsync<System.Text.Json.JsonElement>(SettingsSteps.Path)).GetProperty("accessTokenMinutes").GetInt32());

        await admin.PatchOkAsync(new { accessTokenMinutes = 7 });

        var deadline = DateTime.UtcNow.AddSeconds(5);
        int seen;
        do
        {
            seen = (await otherClient.GetFromJsonAsync<System.Text.Json.JsonElement>(SettingsSteps.Path)).GetProperty("accessTokenMinutes").GetInt32();
            if (seen == 7)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(7, seen);
        var login = await other.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = admin.Password });
        Assert.Equal(420, (await login.ReadAuthAsync()).ExpiresIn);
    }
}
