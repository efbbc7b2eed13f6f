using Outlay.Api.Sms.Parsing;
using Xunit;

namespace Outlay.Api.Tests.Sms;

public sealed class SmsParserDateTests
{
    private static readonly SmsParser Parser = SmsParser.CreateDefault();

    [Theory]
    [InlineData("AD-NEWBNK-S", "Rs.100 debited from A/c XX1111 on 07/08/25", 2025, 8, 7)]
    [InlineData("USBANK1", "$10.00 spent at DELI with card ending 1111 on 07/08/25", 2025, 7, 8)]
    [InlineData("AD-NEWBNK-S", "Rs.100 debited from A/c XX1111 on 20-Oct-25", 2025, 10, 20)]
    [InlineData("AD-NEWBNK-S", "Rs.100 debited from A/c XX1111 on 13Sep25", 2025, 9, 13)]
    [InlineData("AD-NEWBNK-S", "Rs.100 debited from A/c XX1111 on 18AUG2024 10:30", 2024, 8, 18)]
    [InlineData("AD-NEWBNK-S", "Rs.100 spent on card 1111 at SHOP on 2025-04-03:19:45:02", 2025, 4, 3)]
    [InlineData("UAEBNK", "AED 10.00 spent with card ending 1111 at SHOP on Jul 10 2024 5:49PM", 2024, 7, 10)]
    [InlineData("USBANK1", "A transaction of $5.00 at SHOP on March 19, 2025.", 2025, 3, 19)]
    [InlineData("NEWBANK", "TZS 500.00 paid with Card 5100***7733 On 04.02.2609:41", 2026, 2, 4)]
    [InlineData("AD-NEWBNK-S", "Rs.100 debited from A/c XX1111 on 30 Jul 2026 22:28", 2026, 7, 30)]
    public void Parse_DateFormats_ReadsTransactionDate(string sender, string body, int year, int month, int day)
    {
        var parsed = Parser.Parse(sender, body);

        Assert.Equal(new DateOnly(year, month, day), parsed.Date);
    }

    [Fact]
    public void Parse_DayFirstCountryWithImpossibleMonth_FallsBackToMonthFirst()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "Rs.100 debited from A/c XX1111 on 10/19/25");

        Assert.Equal(new DateOnly(2025, 10, 19), parsed.Date);
    }

    [Fact]
    public void Parse_YearFirstBank_ReadsTwoDigitYearFirst()
    {
        var parsed = Parser.Parse("AlRajhiBank", "Card purchase\nBy:1234;mada\nAmount: 15 SAR\nAt: COFFEE CORNER\n26/4/11 09:15");

        Assert.Equal(new DateOnly(2026, 4, 11), parsed.Date);
        Assert.Equal("1234", parsed.AccountTail);
        Assert.Equal("COFFEE CORNER", parsed.Merchant);
    }

    [Theory]
    [InlineData("Rs. 45.00 debited from A/c **1111 on 03-11 for DTH recharge")]
    [InlineData("INR 10.00 credited to A/c 120-451***-118 on 14MAR at 10.15.40")]
    [InlineData("Authorization of $12.00 on 07/22 08:05 PDT at SHOP for card ending 1111.")]
    public void Parse_DateWithoutYear_IsNull(string body)
    {
        var parsed = Parser.Parse(null, body);

        Assert.True(parsed.IsTransaction, $"ignored as {parsed.IgnoredReason}");
        Assert.Null(parsed.Date);
    }

    [Fact]
    public void Parse_CountryHintForUnknownSender_DecidesDateOrder()
    {
        var parsed = Parser.Parse("NEWBANK", "$25.00 spent at SHOP with card ending 1111 on 03/04/2026", "AU");

        Assert.Equal(new DateOnly(2026, 4, 3), parsed.Date);
        Assert.Equal("AUD", parsed.Currency);
    }
}
