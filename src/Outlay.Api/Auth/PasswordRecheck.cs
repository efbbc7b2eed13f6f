using Outlay.Api.Users;

namespace Outlay.Api.Auth;

/// <summary>
/// Confirms the signed-in user's password before a sensitive change (new password, account deletion). It goes
/// through the sign-in's per-account limit and lock-out, and its failures count there: otherwise a stolen access
/// token would be an unthrottled way to guess the password.
/// </summary>
public sealed class PasswordRecheck(PasswordHasher hasher, LoginLockout lockout, AccountRateLimiter accountLimiter)
{
    /// <returns>Success, BadCredentials, LockedOut or Throttled; <see cref="PasswordSignInOutcome.ToProblem"/> answers the last two.</returns>
    public async Task<PasswordSignInOutcome> VerifyAsync(User user, string? password, CancellationToken cancellationToken)
    {
        if (await accountLimiter.TryAcquireAsync(user.Email, cancellationToken) is { } wait)
        {
            return new PasswordSignInOutcome.Throttled(wait);
        }

        if (await lockout.LockedForAsync(user.Email, cancellationToken) is { } locked)
        {
            return new PasswordSignInOutcome.LockedOut(locked);
        }

        if (string.IsNullOrEmpty(password) || !await hasher.VerifyAsync(password, user.PasswordHash, cancellationToken))
        {
            await lockout.RecordFailureAsync(user.Email, cancellationToken);
            return new PasswordSignInOutcome.BadCredentials();
        }

        await lockout.ResetAsync(user.Email, cancellationToken);
        return new PasswordSignInOutcome.Success(user);
    }
}
