using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outlay.Api.Data;
using Outlay.Api.Users;

namespace Outlay.Api.Auth;

public sealed record LogInRequest(
    [property: Required, StringLength(EmailAddresses.MaxLength)] string Email,
    [property: Required, StringLength(1024)] string Password);

public static class LogIn
{
    public static async Task<Results<Ok<AuthResult>, ProblemHttpResult>> HandleAsync(
        LogInRequest request,
        HttpContext http,
        PasswordSignIn passwords,
        SignInIssuer issuer,
        CancellationToken cancellationToken)
    {
        var outcome = await passwords.VerifyAsync(request.Email, request.Password, cancellationToken);
        if (outcome is not PasswordSignInOutcome.Success success)
        {
            return TypedResults.Problem(outcome.ToProblem(http.Response));
        }

        var (result, refresh) = await issuer.SignInAsync(success.User, http.Request, cancellationToken);
        RefreshCookie.Write(http.Response, refresh);
        return TypedResults.Ok(result);
    }
}

/// <summary>
/// Email + password checking shared by the browser sign-in and the OAuth2 password grant: per-account
/// rate limit, lock-out after repeated failures, the same answer and similar timing for unknown
/// emails and wrong passwords, and a hash upgrade when the configured bcrypt cost has changed.
/// </summary>
public sealed partial class PasswordSignIn(
    OutlayDbContext db,
    PasswordHasher hasher,
    LoginLockout lockout,
    AccountRateLimiter accountLimiter,
    SecurityEvents.SecurityEventLog events,
    TimeProvider clock,
    ILogger<PasswordSignIn> logger)
{
    public async Task<PasswordSignInOutcome> VerifyAsync(string? rawEmail, string? password, CancellationToken cancellationToken)
    {
        var email = EmailAddresses.Normalize(rawEmail ?? string.Empty);
        if (email.Length is 0 or > EmailAddresses.MaxLength || string.IsNullOrEmpty(password))
        {
            return new PasswordSignInOutcome.BadCredentials();
        }

        if (await accountLimiter.TryAcquireAsync(email, cancellationToken) is { } wait)
        {
            return new PasswordSignInOutcome.Throttled(wait);
        }

        if (await lockout.LockedForAsync(email, cancellationToken) is { } locked)
        {
            return new PasswordSignInOutcome.LockedOut(locked);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (!await hasher.VerifyAsync(password, user?.PasswordHash, cancellationToken) || user is null)
        {
            var lockedNow = await lockout.RecordFailureAsync(email, cancellationToken);
            LogFailed(logger, user?.Id);
            if (user is not null)
            {
                await events.RecordAsync(user.Id, lockedNow ? SecurityEvents.SecurityEventKinds.LockedOut : SecurityEvents.SecurityEventKinds.SignInFailed, cancellationToken: cancellationToken);
            }

            return new PasswordSignInOutcome.BadCredentials();
        }

        if (user.IsDisabled)
        {
            return new PasswordSignInOutcome.Disabled();
        }

        await lockout.ResetAsync(email, cancellationToken);
        if (hasher.NeedsRehash(user.PasswordHash!))
        {
            user.PasswordHash = await hasher.HashAsync(password, cancellationToken);
        }

        user.LastLoginAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordSignInOutcome.Success(user);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed (user {UserId})")]
    private static partial void LogFailed(ILogger logger, Guid? userId);
}

public abstract record PasswordSignInOutcome
{
    private PasswordSignInOutcome()
    {
    }

    public sealed record Success(User User) : PasswordSignInOutcome;

    public sealed record BadCredentials : PasswordSignInOutcome;

    public sealed record Disabled : PasswordSignInOutcome;

    public sealed record LockedOut(TimeSpan For) : PasswordSignInOutcome;

    public sealed record Throttled(TimeSpan For) : PasswordSignInOutcome;

    /// <summary>The problem for a failed outcome; sets Retry-After when the client must wait.</summary>
    public Microsoft.AspNetCore.Mvc.ProblemDetails ToProblem(HttpResponse response)
    {
        switch (this)
        {
            case LockedOut locked:
                SetRetryAfter(response, locked.For);
                return Problem(StatusCodes.Status423Locked, "Too many failed sign-ins: this account is locked for a while.");
            case Throttled throttled:
                SetRetryAfter(response, throttled.For);
                return Problem(StatusCodes.Status429TooManyRequests, "Too many sign-in attempts for this account.");
            case Disabled:
                return Problem(StatusCodes.Status403Forbidden, "This account is disabled.");
            default:
                return Problem(StatusCodes.Status401Unauthorized, "Invalid email or password.");
        }
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };

    private static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
