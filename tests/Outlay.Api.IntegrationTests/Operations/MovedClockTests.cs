using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Operations;

/// <summary><c>Outlay:Clock:StartsAt</c>: a server whose "today" is a known day, as the browser tests run it.</summary>
public sealed class MovedClockTests(MovedClockTests.MovedClockApp app) : IClassFixture<MovedClockTests.MovedClockApp>
{
    private static readonly DateTimeOffset StartsAt = new(2031, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tokens_AreStampedAndCheckedOnTheMovedClock()
    {
        var user = await app.RegisterUserAsync();

        var issuedAt = new JsonWebToken(user.AccessToken).IssuedAt;
        Assert.InRange(issuedAt, StartsAt.UtcDateTime.AddSeconds(-1), StartsAt.UtcDateTime.AddMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Reports_WithoutADate_AreAboutTheMovedToday()
    {
        var user = await app.RegisterUserAsync();

        var summary = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary?period=month");

        Assert.Equal("2031-03-01", summary.GetProperty("period").GetProperty("start").GetString());
    }

    public sealed class MovedClockApp : OutlayAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outlay:Clock:StartsAt"] = StartsAt.ToString("O"),
        };
    }
}
