using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Auth;

public sealed record JwksDocument([property: JsonPropertyName("keys")] IReadOnlyList<PublicJwk> Keys);

/// <summary>RFC 7517 public key members for EC (crv, x, y) and RSA (n, e) keys.</summary>
public sealed record PublicJwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("crv"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Crv,
    [property: JsonPropertyName("x"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? X,
    [property: JsonPropertyName("y"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Y,
    [property: JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? N,
    [property: JsonPropertyName("e"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? E);

public static class Jwks
{
    public static Ok<JwksDocument> Handle(SigningKeyRing keys, HttpResponse response)
    {
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JwksDocument(keys.PublicJsonWebKeys()
            .Select(k => new PublicJwk(k.Kty, k.Kid, k.Use, k.Alg, k.Crv, k.X, k.Y, k.N, k.E))
            .ToList()));
    }
}
