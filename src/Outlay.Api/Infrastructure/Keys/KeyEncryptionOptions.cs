namespace Outlay.Api.Infrastructure.Keys;

/// <summary>
/// How the Data Protection keys (which encrypt SMS texts and sign-in state) are kept apart from the data (section
/// <c>Outlay:DataProtection</c>): they live in the database, shared by every instance, each encrypted with this
/// certificate. Required in Production, so a copy of the database alone decrypts nothing.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string SectionName = "Outlay:DataProtection";

    /// <summary>The certificate that encrypts the keys: a PEM file (with <see cref="KeyPath"/>) or a .pfx (with <see cref="CertificatePassword"/>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM certificate, when it is in a file of its own.</summary>
    public string? KeyPath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that encrypted keys before a rotation: they still decrypt, they no longer encrypt.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath);
}
