using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Users;

namespace Outlay.Api.Auth;

public sealed record SignUpRequest(
    [property: Required, StringLength(EmailAddresses.MaxLength)] string Email,
    [property: Required, StringLength(1024)] string Password,
    [property: StringLength(100)] string? DisplayName);

public static class SignUp
{
    public static async Task<Results<Created<AuthResult>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        SignUpRequest request,
        HttpContext http,
        OutlayDbContext db,
        PasswordHasher hasher,
        PasswordPolicy policy,
        SignInIssuer issuer,
        IOptionsMonitor<AuthOptions> auth,
        NewAccounts accounts,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!auth.CurrentValue.SignupsEnabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Sign-ups are closed on this server.");
        }

        var email = EmailAddresses.Normalize(request.Email);
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddresses.IsValid(email))
        {
            errors["email"] = ["Enter a valid email address."];
        }

        if (policy.Check(request.Password, email, displayName) is { } weakness)
        {
            errors["password"] = [weakness];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return EmailTaken();
        }

        var user = new User
        {
            Email = email,
            DisplayName = displayName,
            PasswordHash = await hasher.HashAsync(request.Password, cancellationToken),
            LastLoginAt = clock.GetUtcNow(),
        };
        await accounts.AddAsync(user, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return EmailTaken();
        }

        var (result, refresh) = await issuer.SignInAsync(user, http.Request, cancellationToken);
        RefreshCookie.Write(http.Response, refresh);
        return TypedResults.Created("/api/v1/me", result);
    }

    private static ProblemHttpResult EmailTaken() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "An account with this email already exists.",
        detail: "Sign in instead, or use another email address.");
}
