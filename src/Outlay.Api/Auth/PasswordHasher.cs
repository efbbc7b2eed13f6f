using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth;

/// <summary>
/// bcrypt behind a limiter: at most one hash per core runs at a time and the rest queue, so a burst
/// of sign-ins costs latency for sign-ins only instead of starving every other request of CPU.
/// </summary>
public sealed class PasswordHasher(IOptionsMonitor<AuthOptions> auth) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    // Verified against when the email is unknown, so both answers take as long as a real check.
    private readonly Lazy<string> dummyHash = new(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), auth.CurrentValue.BcryptCost));

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunAsync(() => BCrypt.Net.BCrypt.HashPassword(password, auth.CurrentValue.BcryptCost), cancellationToken);

    public Task<bool> VerifyAsync(string password, string? hash, CancellationToken cancellationToken) =>
        RunAsync(() => BCrypt.Net.BCrypt.Verify(password, hash ?? dummyHash.Value) && hash is not null, cancellationToken);

    /// <summary>True when the hash was made with another work factor than the configured one.</summary>
    public bool NeedsRehash(string hash) => BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, auth.CurrentValue.BcryptCost);

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
