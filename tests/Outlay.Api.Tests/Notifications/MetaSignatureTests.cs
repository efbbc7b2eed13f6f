using System.Text;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Tests.Notifications;

public sealed class MetaSignatureTests
{
    private const string Secret = "app-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");

    // HMAC-SHA256("app-secret", Body), computed with `openssl dgst -sha256 -hmac app-secret`.
    private const string Expected = "d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f";

    [Fact]
    public void IsValid_WithTheHmacOfTheRawBody_IsTrueInEitherCase()
    {
        Assert.True(MetaSignature.IsValid(Secret, Body, $"sha256={Expected}"));
        Assert.True(MetaSignature.IsValid(Secret, Body, $"sha256={Expected.ToUpperInvariant()}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=" + Expected)]
    [InlineData(Expected)]
    [InlineData("sha256=not-hex-at-all")]
    [InlineData("sha256=" + Expected + "00")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void IsValid_WithAMissingMalformedOrWrongHeader_IsFalse(string? header)
    {
        Assert.False(MetaSignature.IsValid(Secret, Body, header));
    }

    [Fact]
    public void IsValid_ForAnotherBodyOrAnotherSecret_IsFalse()
    {
        var tampered = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[] }");

        Assert.False(MetaSignature.IsValid(Secret, tampered, $"sha256={Expected}"));
        Assert.False(MetaSignature.IsValid("another-secret", Body, $"sha256={Expected}"));
    }
}
