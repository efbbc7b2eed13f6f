using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Users;

namespace Outlay.Api.Auth.External;

/// <summary>
/// Turns the provider identity in the temporary cookie into one of our users: the account already linked to
/// (provider, subject), else a new account with the provider's verified email. An existing account with that
/// email is never linked here: sign-up does not prove the address, so whoever registered it first could be
/// anyone (account pre-hijacking). Its owner signs in with the password and links the provider from the
/// settings (<see cref="LinkExternalLogin"/>), which completes here too.
/// Then the session continues exactly like a password sign-in: our refresh cookie, our access tokens.
/// </summary>
public static class CompleteExternalSignIn
{
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> HandleAsync(
        string provider,
        HttpContext http,
        ExternalProviders providers,
        OutlayDbContext db,
        SignInIssuer issuer,
        IOptionsMonitor<AuthOptions> auth,
        NewAccounts accounts,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!providers.TryFind(provider, out var name))
        {
            return UnknownProvider();
        }

        var logger = loggers.CreateLogger(typeof(CompleteExternalSignIn));
        var external = await http.AuthenticateAsync(ExternalAuthSetup.TemporaryScheme);
        // Whatever happens next, the provider identity is used at most once.
        await http.SignOutAsync(ExternalAuthSetup.TemporaryScheme);
        if (external.Principal is not { } principal
            || principal.FindFirst(ExternalAuthSetup.ProviderClaim)?.Value != name
            || principal.FindFirst("sub")?.Value is not { Length: > 0 and <= ExternalLoginConfiguration.MaxSubjectLength } subject)
        {
            return Refuse(logger, name, "no-pending-sign-in");
        }

        if (external.Properties?.Items.TryGetValue(LinkExternalLogin.UserItem, out var linkingUser) == true)
        {
            return await LinkExternalLogin.CompleteAsync(linkingUser, name, subject, principal, db, logger, cancellationToken);
        }

        var link = await db.ExternalLogins.SingleOrDefaultAsync(l => l.Provider == name && l.Subject == subject, cancellationToken);
        var user = link is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == link.UserId, cancellationToken);
        var outcome = "returning";
        if (user is null)
        {
            if (VerifiedEmailOf(principal) is not { } email)
            {
                return Refuse(logger, name, "email-not-verified");
            }

            if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
            {
                return Refuse(logger, name, "account-exists");
            }

            if (!auth.CurrentValue.SignupsEnabled)
            {
                return Refuse(logger, name, "signups-closed");
            }

            user = new User
            {
                Email = email,
                DisplayName = DisplayNameOf(principal),
            };
            await accounts.AddAsync(user, cancellationToken);
            db.ExternalLogins.Add(new ExternalLogin { UserId = user.Id, Provider = name, Subject = subject, Email = email });
            outcome = "created";
        }

        if (user.IsDisabled)
        {
            return Refuse(logger, name, "account-disabled");
        }

        user.LastLoginAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same person finished two sign-ins at once and the other one created the account or link first.
            return Refuse(logger, name, "concurrent-sign-in");
        }

        var (_, refresh) = await issuer.SignInAsync(user, http.Request, cancellationToken);
        RefreshCookie.Write(http.Response, refresh);
        ExternalAuthLog.SignedIn(logger, name, user.Id, outcome);
        // The web app calls /auth/refresh on load and gets its access token with the cookie set here.
        return TypedResults.Redirect("/");
    }

    internal static ProblemHttpResult UnknownProvider() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no sign-in provider with this name.");

    /// <summary>The normalised email when the provider vouches for it with <c>email_verified</c> true; a missing claim is no promise.</summary>
    private static string? VerifiedEmailOf(ClaimsPrincipal principal)
    {
        var verified = bool.TryParse(principal.FindFirst(ExternalAuthSetup.EmailVerifiedClaim)?.Value, out var value) && value;
        return verified && EmailOf(principal) is { } email ? email : null;
    }

    internal static string? EmailOf(ClaimsPrincipal principal) =>
        principal.FindFirst("email")?.Value is { Length: > 0 } raw && EmailAddresses.Normalize(raw) is var email && EmailAddresses.IsValid(email)
            ? email
            : null;

    private static string? DisplayNameOf(ClaimsPrincipal principal) =>
        principal.FindFirst("name")?.Value.Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 100)] : null;

    /// <summary>
    /// The browser arrives here by a top-level redirect from the provider, so a refusal sends it back to the web
    /// app's sign-in page, which explains the code in words; a JSON problem would leave the person staring at it.
    /// The code is one of a fixed set, never anything about the person.
    /// </summary>
    private static RedirectHttpResult Refuse(ILogger logger, string provider, string reason)
    {
        ExternalAuthLog.Refused(logger, provider, reason);
        return TypedResults.Redirect(ExternalAuthSetup.SignInErrorRedirect(reason));
    }
}
