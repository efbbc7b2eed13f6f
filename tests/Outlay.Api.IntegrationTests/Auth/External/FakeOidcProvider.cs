using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Outlay.Api.IntegrationTests.Auth.External;

/// <summary>Who the fake provider signs in: the person at the keyboard, chosen by each test.</summary>
public sealed record FakeProviderUser(string Subject, string? Email, bool? EmailVerified = true, string? Name = "External Person")
{
    public static FakeProviderUser New(bool? emailVerified = true) =>
        new($"sub-{Guid.NewGuid():N}", $"ext-{Guid.NewGuid():N}@example.test", emailVerified);
}

/// <summary>
/// A small OpenID Connect provider in a TestServer: discovery, JWKS, an authorize endpoint that approves
/// whoever the test says is signing in, and a token endpoint that checks the client, the redirect URI and
/// PKCE before it answers an RS256 id_token. Just enough of the spec to exercise a real OIDC client.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string Issuer = "https://idp.test";

    private const string UserHeader = "X-Test-User";
    private const string DenyHeader = "X-Test-Deny";

    private readonly Dictionary<string, string?> clients;
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = "fake-idp-key-1" };
    private readonly ConcurrentDictionary<string, PendingCode> codes = new();
    private WebApplication? app;
    private int pkceVerifiedCount;

    /// <param name="clients">Client ids and their secrets (null: a public client).</param>
    public FakeOidcProvider(IReadOnlyDictionary<string, string?> clients) => this.clients = new(clients);

    /// <summary>Token requests that presented a valid code_verifier.</summary>
    public int PkceVerifiedCount => Volatile.Read(ref pkceVerifiedCount);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", Discovery);
        app.MapGet("/jwks", Jwks);
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        await app.StartAsync();
    }

    public HttpMessageHandler CreateHandler() => Server.CreateHandler();

    /// <summary>The browser at the provider: follows the app's redirect to /authorize and returns where the provider sends it back.</summary>
    public async Task<Uri> AuthorizeAsync(Uri authorizeUrl, FakeProviderUser user, bool deny = false)
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, authorizeUrl);
        request.Headers.Add(UserHeader, Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(user)));
        if (deny)
        {
            request.Headers.Add(DenyHeader, "1");
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }

    private TestServer Server => app?.GetTestServer() ?? throw new InvalidOperationException("Start the provider first.");

    private static IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = new[] { "openid", "email", "profile" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic", "none" },
    });

    private IResult Jwks()
    {
        var parameters = signingKey.Rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    use = "sig",
                    alg = SecurityAlgorithms.RsaSha256,
                    kid = signingKey.KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"].ToString() is not { Length: > 0 } clientId || !clients.ContainsKey(clientId)
            || query["redirect_uri"].ToString() is not { Length: > 0 } redirectUri)
        {
            // Without a trusted client and redirect URI there is nowhere safe to send an error.
            return Results.BadRequest("unknown client or redirect_uri");
        }

        var state = query["state"].ToString();
        if (request.Headers.ContainsKey(DenyHeader))
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "access_denied"), ("error_description", "The user said no."), ("state", state)));
        }

        if (query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || query["code_challenge"].ToString() is not { Length: > 0 } challenge
            || !query["scope"].ToString().Split(' ').Contains("openid"))
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "invalid_request"), ("state", state)));
        }

        var user = JsonSerializer.Deserialize<FakeProviderUser>(Convert.FromBase64String(request.Headers[UserHeader].ToString()))!;
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        codes[code] = new PendingCode(clientId, redirectUri, challenge, query["nonce"].ToString(), user);
        return Results.Redirect(WithQuery(redirectUri, ("code", code), ("state", state)));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId is null || !clients.TryGetValue(clientId, out var expectedSecret) || expectedSecret != secret)
        {
            return TokenError("invalid_client", StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code")
        {
            return TokenError("unsupported_grant_type");
        }

        if (!codes.TryRemove(form["code"].ToString(), out var pending) || pending.ClientId != clientId
            || pending.RedirectUri != form["redirect_uri"].ToString())
        {
            return TokenError("invalid_grant");
        }

        var verifier = form["code_verifier"].ToString();
        var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (verifier.Length < 43 || computed != pending.CodeChallenge)
        {
            return TokenError("invalid_grant");
        }

        Interlocked.Increment(ref pkceVerifiedCount);
        return Results.Json(new
        {
            access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(pending),
        });
    }

    private string IdToken(PendingCode pending)
    {
        var claims = new Dictionary<string, object> { ["sub"] = pending.User.Subject };
        if (pending.Nonce.Length > 0)
        {
            claims["nonce"] = pending.Nonce;
        }

        if (pending.User.Email is { } email)
        {
            claims["email"] = email;
        }

        if (pending.User.EmailVerified is { } verified)
        {
            claims["email_verified"] = verified;
        }

        if (pending.User.Name is { } name)
        {
            claims["name"] = name;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = pending.ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"].ToString() is { Length: > 0 } id ? id : null,
            form["client_secret"].ToString() is { Length: > 0 } secret ? secret : null);
    }

    private static IResult TokenError(string error, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error }, statusCode: status);

    private static string WithQuery(string uri, params (string Name, string Value)[] parameters) =>
        uri + (uri.Contains('?') ? "&" : "?")
            + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));

    private sealed record PendingCode(string ClientId, string RedirectUri, string CodeChallenge, string Nonce, FakeProviderUser User);
}
