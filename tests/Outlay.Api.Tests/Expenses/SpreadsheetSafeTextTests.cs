using Outlay.Api.Expenses;

namespace Outlay.Api.Tests.Expenses;

public sealed class SpreadsheetSafeTextTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-starts with a dash", "'-starts with a dash")]
    [InlineData("@home", "'@home")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rreturn", "'\rreturn")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("Corner Café", "Corner Café")]
    [InlineData("it's fine", "it's fine")]
    [InlineData("'quoted text", "'quoted text")]
    [InlineData("", "")]
    public void Escape_NeutralisesFormulaStartsAndUnescapeGivesTheTextBack(string text, string cell)
    {
        Assert.Equal(cell, SpreadsheetSafeText.Escape(text));
        Assert.Equal(text, SpreadsheetSafeText.Unescape(cell));
    }
}
