using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Outlay.Api.Data;

namespace Outlay.Api.Auth.External;

public sealed record ExternalLinkStartResponse(string RedirectUrl);

/// <summary>
/// Links a provider account to the signed-in user: the only way a provider reaches an account that already
/// exists. The same OpenID Connect round trip as a sign-in, with the user's id carried in the handler's
/// protected state, so the completion knows whose link it is and nobody can put another id there.
/// </summary>
public static class LinkExternalLogin
{
    public const string UserItem = "outlay_link_user";

    public static async Task<Results<Ok<ExternalLinkStartResponse>, ProblemHttpResult>> StartAsync(
        string provider, HttpContext http, ExternalProviders providers, CurrentUser me)
    {
        if (!providers.TryFind(provider, out var name))
        {
            return CompleteExternalSignIn.UnknownProvider();
        }

        var properties = new AuthenticationProperties { RedirectUri = $"{ExternalAuthSetup.BasePath}/{name}/complete" };
        properties.Items[UserItem] = me.Id.ToString();
        await http.ChallengeAsync(ExternalProviders.SchemeFor(name), properties);
        // The handler answers with a redirect (and sets its correlation cookies). A script's fetch cannot follow a
        // redirect to another origin, so the page gets the address in the body and navigates there itself.
        var redirectUrl = http.Response.Headers.Location.ToString();
        http.Response.Headers.Remove(HeaderNames.Location);
        return TypedResults.Ok(new ExternalLinkStartResponse(redirectUrl));
    }

    /// <summary>Called by the completion endpoint when the round trip was started here; answers with a redirect to the settings page.</summary>
    internal static async Task<RedirectHttpResult> CompleteAsync(
        string? userIdText, string provider, string subject, ClaimsPrincipal principal, OutlayDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userIdText, out var userId) || !await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken))
        {
            return Refuse(logger, provider, "no-pending-sign-in");
        }

        var existing = await db.ExternalLogins.AsNoTracking()
            .Where(l => l.Provider == provider && (l.Subject == subject || l.UserId == userId))
            .Select(l => new { l.UserId, l.Subject })
            .ToListAsync(cancellationToken);
        if (existing.Any(l => l.Subject == subject && l.UserId == userId))
        {
            return Linked(logger, provider, userId);
        }

        if (existing.Any(l => l.Subject == subject))
        {
            return Refuse(logger, provider, "already-linked");
        }

        if (existing.Count > 0)
        {
            return Refuse(logger, provider, "provider-already-linked");
        }

        db.ExternalLogins.Add(new ExternalLogin { UserId = userId, Provider = provider, Subject = subject, Email = CompleteExternalSignIn.EmailOf(principal) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return Refuse(logger, provider, "already-linked");
        }

        return Linked(logger, provider, userId);
    }

    private static RedirectHttpResult Linked(ILogger logger, string provider, Guid userId)
    {
        ExternalAuthLog.Linked(logger, provider, userId);
        return TypedResults.Redirect($"/settings?externalLinked={Uri.EscapeDataString(provider)}");
    }

    private static RedirectHttpResult Refuse(ILogger logger, string provider, string reason)
    {
        ExternalAuthLog.LinkRefused(logger, provider, reason);
        return TypedResults.Redirect($"/settings?externalError={Uri.EscapeDataString(reason)}");
    }
}
