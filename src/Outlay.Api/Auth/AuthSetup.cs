using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Outlay.Api.Infrastructure;
using Outlay.Api.Users;

namespace Outlay.Api.Auth;

public static class AuthSetup
{
    public const string SignupLimit = "signup";
    public const string LoginLimit = "login";
    public const string RefreshLimit = "refresh";
    public const string TokenLimit = "token";

    public static IServiceCollection AddOutlayAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<SecurityEvents.SecurityEventLog>();
        services.AddHostedService<SigningKeyStartupCheck>();
        services.AddHealthChecks().AddCheck<AuthenticationHealthCheck>("authentication", HealthStatus.Unhealthy, [HealthSetup.ReadyTag]);
        services.AddSingleton<TokenService>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<LoginLockout>();
        services.AddSingleton<UserSecurityStamps>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<RateLimitPartitions>();
        services.AddSingleton<AccountRateLimiter>();
        services.AddScoped<RefreshSessions>();
        services.AddScoped<SignInIssuer>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<PasswordRecheck>();
        services.AddScoped<CurrentUser>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((bearer, tokens) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = tokens.ValidationParameters();
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RejectRevokedTokenAsync };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(IsSignedInOrMatchedNoRoute).Build())
            .AddPolicy(Policies.User, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = RejectAsync;
            var limits = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.RateLimits ?? new RateLimitOptions();
            limiter.AddPolicy(SignupLimit, context => PerClientAddress(context, SignupLimit, limits.SignupPerMinute));
            // The sign-in limit is dynamic configuration (loginRateLimit): read per request, and part of the
            // partition key so a new limit starts new windows instead of being ignored by existing ones.
            limiter.AddPolicy(LoginLimit, context => PerClientAddress(
                context, LoginLimit, context.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue.RateLimits.LoginPerMinute));
            limiter.AddPolicy(RefreshLimit, context => PerClientAddress(context, RefreshLimit, limits.RefreshPerMinute));
            limiter.AddPolicy(TokenLimit, context => PerClientAddress(context, TokenLimit, limits.TokenPerMinute));
        });
        return services;
    }

    /// <summary>
    /// The fallback policy: an endpoint that says neither who may call it nor <c>AllowAnonymous</c> needs a signed-in
    /// user. A request that matched none of our routes (routing's own 404 and 405 answers, which are no route
    /// endpoint) passes, so a mistyped URL stays a 404 rather than a 401; it reaches no data.
    /// </summary>
    private static bool IsSignedInOrMatchedNoRoute(AuthorizationHandlerContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || (context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint);

    /// <summary>
    /// A token signed before the user was disabled, deleted or signed out everywhere, or whose session was logged
    /// out or revoked, stops working at once.
    /// </summary>
    private static async Task RejectRevokedTokenAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var aborted = context.HttpContext.RequestAborted;
        if (!Guid.TryParse(principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId)
            || await services.GetRequiredService<UserSecurityStamps>().CurrentAsync(userId, aborted) is not { } current
            || current != principal?.FindFirst(TokenService.SecurityStampClaim)?.Value)
        {
            context.Fail("The token is no longer valid for this user.");
            return;
        }

        if (!Guid.TryParse(principal?.FindFirst(TokenService.SessionClaim)?.Value, out var sessionId)
            || await services.GetRequiredService<SessionRevocations>().IsRevokedAsync(sessionId, aborted))
        {
            context.Fail("The session of this token has ended.");
        }
    }

    private static RateLimitPartition<string> PerClientAddress(HttpContext context, string policy, int perMinute) =>
        context.RequestServices.GetRequiredService<RateLimitPartitions>()
            .PerMinute(policy, ClientAddresses.PartitionOf(context.Connection.RemoteIpAddress), perMinute);

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = "Try again after the time in the Retry-After header." },
        });
    }
}
