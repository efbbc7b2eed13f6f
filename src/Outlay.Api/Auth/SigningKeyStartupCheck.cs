namespace Outlay.Api.Auth;

/// <summary>
/// Loads the signing keys while the server starts, so a broken key stops it with an error that names the
/// key instead of failing every request that needs a token.
/// </summary>
public sealed class SigningKeyStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<SigningKeyRing>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
