using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>Self-signed certificates for one test, written as PEM files the way an operator would configure them.</summary>
public static class TestCertificates
{
    /// <summary>An RSA certificate for outlay.test and 127.0.0.1, valid today; the paths of its certificate and key files.</summary>
    public static (string Certificate, string Key) WritePem(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=outlay.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("outlay.test");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (certificatePath, keyPath) = (Path.Combine(folder, "outlay.crt"), Path.Combine(folder, "outlay.key"));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
