using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Auth;

/// <summary>
/// The keys that sign and verify access tokens. Configured keys win; outside Production a development key is
/// generated on first run and kept under the data folder, so no key ever lives in source. In Production a key
/// must be configured: one in the data folder would let anyone with a copy of the folder forge tokens.
/// </summary>
public sealed partial class SigningKeyRing
{
    public const string DevelopmentKeyFile = "keys/jwt-signing-key.pem";

    public SigningKeyRing(IOptions<JwtOptions> jwt, IOptions<OutlayOptions> outlay, IHostEnvironment environment, ILogger<SigningKeyRing> logger)
    {
        var configured = jwt.Value.SigningKeys;
        if (configured.Count == 0 && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "In Production a token signing key must be configured: set Outlay:Jwt:SigningKeys:0:PemFile (or :Pem) to an EC P-256 or RSA " +
                "private key in PEM (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256). A key generated into the data folder " +
                "would let anyone with a copy of the folder sign tokens.");
        }

        var keys = configured.Count > 0
            ? configured.Select(Load).ToList()
            : [LoadOrCreateDevelopmentKey(Path.Combine(outlay.Value.ResolveDataPath(), DevelopmentKeyFile), logger)];

        SigningCredentials = keys[0].Credentials;
        VerificationKeys = keys.Select(k => k.PublicKey).ToList();
    }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>Public halves only: what validation and the JWKS document use.</summary>
    public IReadOnlyList<SecurityKey> VerificationKeys { get; }

    public IReadOnlyList<JsonWebKey> PublicJsonWebKeys() => VerificationKeys.Select(key =>
    {
        var jwk = JsonWebKeyConverter.ConvertFromSecurityKey(key);
        jwk.Use = "sig";
        jwk.Alg = key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256;
        return jwk;
    }).ToList();

    private static KeyPair Load(SigningKeyOptions options, int index)
    {
        var pem = options.Pem ?? (options.PemFile is { } file ? File.ReadAllText(file) : null)
            ?? throw new InvalidOperationException($"Outlay:Jwt:SigningKeys:{index} needs Pem or PemFile.");
        return FromPem(pem, options.KeyId, $"Outlay:Jwt:SigningKeys:{index}");
    }

    private static KeyPair LoadOrCreateDevelopmentKey(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            OutlayOptions.CreatePrivateDirectory(Path.GetDirectoryName(path)!);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            // Written aside and moved into place, so an instance sharing the data folder never reads half a key.
            var written = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(written, options))
            {
                writer.Write(created.ExportPkcs8PrivateKeyPem());
            }

            try
            {
                File.Move(written, path, overwrite: false);
                LogGeneratedKey(logger, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance sharing the data folder created it first; use theirs.
                File.Delete(written);
            }
        }

        return FromPem(File.ReadAllText(path), keyId: null, $"{path} (delete it to generate a new development key)");
    }

    /// <summary>
    /// The key's algorithm is whatever the PEM decodes as. It is never guessed from the text: the base64 body
    /// of about one EC key in 1,200 spells "RSA" somewhere.
    /// </summary>
    private static KeyPair FromPem(string pem, string? keyId, string source)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || !pem[fields.Label].EndsWith("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The signing key {source} is not a PEM private key.");
        }

        if (TryImport(ECDsa.Create(), pem) is { } ecdsa)
        {
            var publicEcdsa = new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false)));
            var kid = keyId ?? Base64UrlEncoder.Encode(publicEcdsa.ComputeJwkThumbprint());
            publicEcdsa.KeyId = kid;
            return new KeyPair(
                new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
                publicEcdsa);
        }

        if (TryImport(RSA.Create(), pem) is { } rsa)
        {
            var publicRsa = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
            var id = keyId ?? Base64UrlEncoder.Encode(publicRsa.ComputeJwkThumbprint());
            publicRsa.KeyId = id;
            return new KeyPair(
                new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = id }, SecurityAlgorithms.RsaSha256),
                publicRsa);
        }

        throw new InvalidOperationException($"The signing key {source} is neither an EC nor an RSA private key.");
    }

    private static T? TryImport<T>(T algorithm, string pem)
        where T : AsymmetricAlgorithm
    {
        try
        {
            algorithm.ImportFromPem(pem);
            return algorithm;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            algorithm.Dispose();
            return null;
        }
    }

    private sealed record KeyPair(SigningCredentials Credentials, SecurityKey PublicKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No signing key configured: generated a development key at {Path}")]
    private static partial void LogGeneratedKey(ILogger logger, string path);
}
