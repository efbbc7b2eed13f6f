using System.Globalization;
using Outlay.Api.Sms.Parsing;
using Xunit;

namespace Outlay.Api.Tests.Sms;

public sealed class SmsParserTransactionTests
{
    private static readonly SmsParser Parser = SmsParser.CreateDefault();

    [Theory]
    [MemberData(nameof(TransactionFixtures.All), MemberType = typeof(TransactionFixtures))]
    public void Parse_InventedAlert_ReadsEveryField(ExpectedTransaction expected)
    {
        var parsed = Parser.Parse(expected.Sender, expected.Body, expected.CountryHint);

        Assert.True(parsed.IsTransaction, $"ignored as {parsed.IgnoredReason}");
        Assert.Null(parsed.IgnoredReason);
        Assert.Equal(expected.Direction, parsed.Direction);
        Assert.Equal(Decimal(expected.Amount), parsed.Amount);
        Assert.Equal(expected.Currency, parsed.Currency);
        Assert.Equal(expected.Merchant, parsed.Merchant);
        Assert.Equal(expected.AccountTail, parsed.AccountTail);
        Assert.Equal(expected.Date is null ? null : DateOnly.Parse(expected.Date, CultureInfo.InvariantCulture), parsed.Date);
        Assert.Equal(Decimal(expected.Balance), parsed.Balance);
        Assert.Equal(expected.Reference, parsed.Reference);
    }

    [Fact]
    public void Parse_AmountWithDecimals_KeepsScaleAsWritten()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "Rs.500.00 debited from A/c XX1234 on 20-Oct-25");

        Assert.Equal("500.00", parsed.Amount?.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("INR 1,20,000.00 credited to A/c XX1111 on 01-01-26", "120000.00")]
    [InlineData("USD 1,234,567.89 credited to account ending 1111", "1234567.89")]
    [InlineData("PKR 72.500.00 sent from A/C *1111", "72500.00")]
    [InlineData("EUR 1.234,56 credited to account ending 1111", "1234.56")]
    [InlineData("EUR .47 refunded to card ending 1111", "0.47")]
    [InlineData("JOD 3.125 paid at CORNER SHOP with card ending 1111", "3.125")]
    public void Parse_ThousandsAndDecimalSeparators_NormalisesAmount(string body, string amount)
    {
        var parsed = Parser.Parse(null, body);

        Assert.Equal(Decimal(amount), parsed.Amount);
    }

    [Theory]
    [InlineData("Ksh1,500.00 paid to MAMA MBOGA on 2/3/26. New M-PESA balance is Ksh300.00.", "KES")]
    [InlineData("Tk 500.00 sent to 01711111111. Balance Tk 1,000.00", "BDT")]
    [InlineData("N5,000.00 has been debited from your wallet for POS payment on 02-03-2026", "NGN")]
    [InlineData("RM12.00 spent at MAMAK CORNER with card ending 2222", "MYR")]
    [InlineData("R150.00 paid to VODACOM from a/c ..2222", "ZAR")]
    [InlineData("₹99 paid to SNACK SHOP from A/c XX2222", "INR")]
    [InlineData("TZS 20,000.00 withdrawn from account ***2222", "TZS")]
    [InlineData("NPR 1,000.00 debited from ###2222", "NPR")]
    [InlineData("$12.00 spent at DINER with card ending 2222", "USD")]
    public void Parse_CurrencySymbolOrCode_ResolvesIsoCode(string body, string currency)
    {
        var parsed = Parser.Parse(null, body);

        Assert.True(parsed.IsTransaction, $"ignored as {parsed.IgnoredReason}");
        Assert.Equal(currency, parsed.Currency);
    }

    [Fact]
    public void Parse_RupeesFromPakistaniSender_IsPakistaniRupee()
    {
        var parsed = Parser.Parse("FBL", "Rs. 2,000.00 debited from FBL A/C *4321 at CITY PHARMACY on 01/03/2026");

        Assert.Equal("PKR", parsed.Currency);
    }

    [Fact]
    public void Parse_NoCurrencyInBody_UsesBanksHomeCurrency()
    {
        var parsed = Parser.Parse("ZENITHBANK", "Acct:123****456\nDT:01/03/2026 10:00:00 AM\nDR Amt:1,250.00\nBal:9,000.00");

        Assert.Equal("NGN", parsed.Currency);
        Assert.Equal(1250.00m, parsed.Amount);
        Assert.Equal(9000.00m, parsed.Balance);
    }

    [Fact]
    public void Parse_NegativeBalanceBeforeSymbol_IsNegative()
    {
        var parsed = Parser.Parse("USBANK", "Card purchase of $64.20 at CORNER STORE posted to checking ending 8812. Available balance -$31.77.");

        Assert.Equal(-31.77m, parsed.Balance);
    }

    [Fact]
    public void Parse_BalanceMarkedDr_IsOverdrawn()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "A/c XX9090 debited with Rs.500.00 on 02-03-2026. Avl Bal Rs.1,200.00 DR");

        Assert.Equal(-1200.00m, parsed.Balance);
    }

    [Fact]
    public void Parse_MaskedBalance_IsNull()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "INR 100.00 debited from A/c no. XX1234 on 02-03-2026. Avl bal: INR xxxxxx.");

        Assert.True(parsed.IsTransaction);
        Assert.Null(parsed.Balance);
    }

    [Fact]
    public void Parse_CardLinkedToAccount_ReportsTheAccount()
    {
        var parsed = Parser.Parse("GULFBNK", "Debit card ****4455 (linked account ****998877) charged AED 40.00 at CAFE NERO on 02/03/2026.");

        Assert.Equal("8877", parsed.AccountTail);
    }

    [Fact]
    public void Parse_TransferToAnotherAccount_ReportsTheUsersAccount()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "INR 730.00 moved from A/c **1111 on 02-03-26 to A/c **2222 via IMPS, Ref 123412341234.");

        Assert.Equal("1111", parsed.AccountTail);
        Assert.Null(parsed.Merchant);
    }

    [Fact]
    public void Parse_StyledUnicodeLetters_AreFolded()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "𝖠𝗅𝖾𝗋𝗍: Rs.415.00 𝗌𝗉𝖾𝗇𝗍 𝗎𝗌𝗂𝗇𝗀 𝖼𝖺𝗋𝖽 𝖾𝗇𝖽𝗂𝗇𝗀 3029 at TEA HOUSE on 08/01/26.");

        Assert.Equal(SmsDirection.Debit, parsed.Direction);
        Assert.Equal("TEA HOUSE", parsed.Merchant);
        Assert.Equal("3029", parsed.AccountTail);
    }

    private static decimal? Decimal(string? value) =>
        value is null ? null : decimal.Parse(value, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
