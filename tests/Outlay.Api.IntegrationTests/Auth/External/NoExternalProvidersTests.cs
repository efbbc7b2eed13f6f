using System.Net;
using System.Text.Json;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Auth.External;

public sealed class NoExternalProvidersTests(OutlayAppFactory app) : IClassFixture<OutlayAppFactory>
{
    [Fact]
    public async Task Providers_WhenNoneAreConfigured_IsAnEmptyList()
    {
        var providers = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/auth/providers");

        Assert.Equal(JsonValueKind.Array, providers.ValueKind);
        Assert.Equal(0, providers.GetArrayLength());
    }

    [Fact]
    public async Task Start_WhenNoneAreConfigured_ReturnsNotFoundProblem()
    {
        var response = await app.CookielessClient().GetAsync("/api/v1/auth/external/google");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
