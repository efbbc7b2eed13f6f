using Outlay.Api.Auth;

namespace Outlay.Api.Tests.Auth;

public sealed class PasswordPolicyTests
{
    private readonly PasswordPolicy policy = new(new StaticOptions<AuthOptions>(new AuthOptions()));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Tr0ub4dor&3-lamp-Quiver")]
    [InlineData("ünïcödé pässwörd wïth ümläüts")]
    public void Check_StrongPassword_IsAccepted(string password) =>
        Assert.Null(policy.Check(password, "someone@example.test"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("letmein123")]
    public void Check_MissingShortOrCommonPassword_IsRefused(string? password) =>
        Assert.NotNull(policy.Check(password, "someone@example.test"));

    [Fact]
    public void Check_TheEmailOrItsLocalPart_IsRefused()
    {
        Assert.NotNull(policy.Check("margarethamilton@example.test", "margarethamilton@example.test"));
        Assert.NotNull(policy.Check("margarethamilton", "margarethamilton@example.test"));
    }

    [Fact]
    public void Check_Over72Utf8Bytes_IsRefused() =>
        Assert.Contains("72", policy.Check(new string('é', 37)), StringComparison.Ordinal);
}
