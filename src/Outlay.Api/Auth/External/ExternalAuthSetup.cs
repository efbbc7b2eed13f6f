using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Auth.External;

/// <summary>
/// Sign-in with OpenID Connect providers. Each configured provider gets its own handler (authorization code
/// + PKCE) whose callback signs the provider's identity into a short-lived cookie, <see cref="TemporaryScheme"/>;
/// <see cref="CompleteExternalSignIn"/> turns that into one of our users and our own tokens. The default
/// scheme stays JwtBearer: nothing but the completion endpoint ever reads the temporary cookie.
/// </summary>
public static class ExternalAuthSetup
{
    public const string TemporaryScheme = "outlay-external";
    public const string TemporaryCookieName = "outlay_external";
    public const string BasePath = "/api/v1/auth/external";

    /// <summary>Which provider signed the temporary cookie; checked against the completion URL.</summary>
    public const string ProviderClaim = "outlay_provider";

    public const string EmailVerifiedClaim = "email_verified";

    /// <summary>
    /// Where a failed or refused sign-in sends the browser: the web app's sign-in page (route <c>/sign-in</c>),
    /// with a short code it turns into a message.
    /// </summary>
    public static string SignInErrorRedirect(string code) => $"/sign-in?externalError={Uri.EscapeDataString(code)}";

    public static readonly TimeSpan TemporaryLifetime = TimeSpan.FromMinutes(5);

    // Only what completion needs goes into the temporary cookie, which keeps it small.
    private static readonly HashSet<string> KeptClaims = ["sub", "email", EmailVerifiedClaim, "name"];

    public static IServiceCollection AddOutlayExternalAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var names = configuration.GetSection(ExternalProviderOptions.SectionName).GetChildren()
            .Select(provider => provider.Key.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.FirstOrDefault(name => !ExternalProviders.IsValidName(name)) is { } invalid)
        {
            throw new InvalidOperationException(
                $"External sign-in provider name '{invalid}' must be 1-{ExternalProviders.MaxNameLength} letters, digits or hyphens.");
        }

        services.AddSingleton(provider => new ExternalProviders(names, provider.GetRequiredService<IOptionsMonitor<ExternalProviderOptions>>()));

        var authentication = services.AddAuthentication();
        authentication.AddCookie(TemporaryScheme, temporary =>
        {
            temporary.Cookie.Name = TemporaryCookieName;
            temporary.Cookie.Path = BasePath;
            temporary.Cookie.HttpOnly = true;
            temporary.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            // Lax, not Strict: the cookie is set and read at the end of a redirect chain that began at the provider.
            temporary.Cookie.SameSite = SameSiteMode.Lax;
            temporary.Cookie.IsEssential = true;
            temporary.Cookie.MaxAge = TemporaryLifetime;
            temporary.ExpireTimeSpan = TemporaryLifetime;
            temporary.SlidingExpiration = false;
        });

        foreach (var name in names)
        {
            var scheme = ExternalProviders.SchemeFor(name);
            services.AddOptions<ExternalProviderOptions>(name)
                .BindConfiguration($"{ExternalProviderOptions.SectionName}:{name}")
                .ValidateDataAnnotations()
                .ValidateOnStart();
            authentication.AddOpenIdConnect(scheme, _ => { });
            services.AddOptions<OpenIdConnectOptions>(scheme)
                .Configure<IOptionsMonitor<ExternalProviderOptions>>((oidc, providers) => Configure(oidc, name, providers.Get(name)));
        }

        return services;
    }

    private static void Configure(OpenIdConnectOptions oidc, string name, ExternalProviderOptions provider)
    {
        oidc.Authority = provider.Authority;
        oidc.ClientId = provider.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(provider.ClientSecret) ? null : provider.ClientSecret;
        oidc.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        oidc.CallbackPath = $"{BasePath}/{name}/callback";
        oidc.SignInScheme = TemporaryScheme;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // Query rather than form_post: the callback is then a top-level GET, which SameSite=Lax cookies reach.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.MapInboundClaims = false;
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = provider.GetClaimsFromUserInfoEndpoint;
        oidc.ClaimActions.MapUniqueJsonKey(EmailVerifiedClaim, EmailVerifiedClaim);
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.Scope.Clear();
        foreach (var scope in provider.EffectiveScopes)
        {
            oidc.Scope.Add(scope);
        }

        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;

        oidc.Events.OnTokenValidated = context =>
        {
            var identity = new ClaimsIdentity(
                context.Principal!.Claims.Where(claim => KeptClaims.Contains(claim.Type)).Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType)),
                context.Scheme.Name,
                "name",
                null);
            identity.AddClaim(new Claim(ProviderClaim, name));
            context.Principal = new ClaimsPrincipal(identity);
            return Task.CompletedTask;
        };

        // A refusal at the provider (access_denied), an expired or replayed callback, a bad token: the person
        // goes back to the sign-in page with a message rather than to an exception page.
        oidc.Events.OnRemoteFailure = context =>
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalAuthSetup));
            ExternalAuthLog.CallbackFailed(logger, name, context.Failure);
            context.Response.Redirect(SignInErrorRedirect("provider-failed"));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
