using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outlay.Api.IntegrationTests.Infrastructure;

namespace Outlay.Api.IntegrationTests.Budgets;

/// <summary>
/// The app with "now" pinned, for figures that depend on today. Users sign up through the normal host
/// (their access tokens are checked against the real clock on both) and then talk to a second host over the same
/// database whose <see cref="TimeProvider"/> reads the pinned time.
/// </summary>
public class PinnedClockAppFactory : OutlayAppFactory
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly PinnedClock clock = new();
    private WebApplicationFactory<Program>? pinned;

    public WebApplicationFactory<Program> Pinned =>
        pinned ??= WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                // Tokens come from the real-clock host and must outlive jumps of the pinned clock, so their
                // lifetime is checked by the library's own check (the real clock), not the server's clock.
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                    bearer => bearer.TokenValidationParameters.LifetimeValidator = null);
            });
            builder.UseSetting("Outlay:Notifications:SchedulerEnabled", "true");
            ConfigurePinnedHost(builder);
        });

    /// <summary>Only the pinned host sends scheduled notifications: this host's real clock would find them all long due.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outlay:Notifications:SchedulerEnabled", "false");
    }

    /// <summary>Settings of the pinned host alone, on top of the factory's.</summary>
    protected virtual void ConfigurePinnedHost(IWebHostBuilder builder)
    {
    }

    /// <summary>Pins "now" (Friday 20 November 2026, noon UTC, until a test says otherwise); it may move backwards between tests.</summary>
    public void PinClock(DateTimeOffset now) => clock.Fake = new FakeTimeProvider(now);

    /// <summary>A new user whose client goes to the pinned host, with their settings changed as given.</summary>
    public async Task<TestUser> UserAsync(object? settings = null)
    {
        var user = await this.RegisterUserAsync();
        user = user with { Client = Pinned.ClientWithToken(user.AccessToken) };
        if (settings is not null)
        {
            var response = await user.Client.PatchAsJsonAsync("/api/v1/me", settings);
            response.EnsureSuccessStatusCode();
        }

        return user;
    }

    /// <summary>
    /// Today comes from a <see cref="FakeTimeProvider"/> that a test can swap (a fake only moves forwards);
    /// timers and timestamps stay real so rate limits and cache expiry behave as in production.
    /// </summary>
    private sealed class PinnedClock : TimeProvider
    {
        public FakeTimeProvider Fake { get; set; } = new(DefaultNow);

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    }
}
