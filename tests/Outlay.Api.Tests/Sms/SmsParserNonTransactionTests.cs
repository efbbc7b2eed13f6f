using Outlay.Api.Sms.Parsing;
using Xunit;

namespace Outlay.Api.Tests.Sms;

public sealed class SmsParserNonTransactionTests
{
    private static readonly SmsParser Parser = SmsParser.CreateDefault();

    [Theory]
    [InlineData("AD-NEWBNK-S", "482913 is your OTP to pay Rs. 1,499.00 at GADGET HUB. Valid for 5 mins. Do not share it with anyone.", "otp")]
    [InlineData("UKBANK", "Your verification code is 771204. We will never ask for it.", "otp")]
    [InlineData("SGBANK", "Enjoy 5% cashback on dining this weekend with your card! T&C apply.", "promotion")]
    [InlineData("VM-SHOPPE", "Flat Rs.500 off on orders above Rs.2,999. Use code SAVE500. Hurry!", "promotion")]
    [InlineData("AUBANKX", "Your credit card statement is ready. Total amount due $1,204.50, minimum due $40.00, payable by 12/04/2026.", "reminder")]
    [InlineData("JD-NEWBNK-S", "Your loan EMI of Rs 12,450 is due on 05-04-2026. Please keep sufficient funds.", "reminder")]
    [InlineData("AX-NEWBNK-S", "Rs 299.00 will be debited from your account on 10-04-26 for MUSICBOX subscription.", "future-debit")]
    [InlineData("PHBANK", "PHP 2,000.00 is scheduled for debit on 04/15/2026 for your auto-payment to GLOBE.", "future-debit")]
    [InlineData("VM-NEWBNK-S", "E-mandate set up successfully for STREAMFLIX for up to Rs 999.00 on your card XX1234.", "mandate")]
    [InlineData("CP-NEWBNK-S", "UPI AutoPay for GYMPASS of Rs. 1,500 from a/c XX4321 is revoked.", "mandate")]
    [InlineData("CP-NEWBNK-S", "You have a collect request of Rs. 750 from vendor@okicici. Approve or decline in the app.", "request")]
    [InlineData("GHBANK", "Your transaction of GHS 120.00 at MAXMART was declined due to insufficient funds.", "declined")]
    [InlineData("UKBANK", "Payment of £45.00 to BRITISH GAS failed. Please try again.", "declined")]
    [InlineData("AD-NEWBNK-S", "Rs.25,000.00 has been blocked in your A/c XX1234 for IPO application (ASBA).", "blocked")]
    [InlineData("MYBANK", "Your account balance is RM 3,450.12 as of 02/03/2026.", "balance-notice")]
    [InlineData("CABANK", "Your online banking password was changed on 2026-03-02. If this wasn't you, call us.", "not-financial")]
    [InlineData("+15551234567", "Are we still meeting for lunch tomorrow?", "not-financial")]
    public void Parse_NonTransaction_ReportsReason(string sender, string body, string reason)
    {
        var parsed = Parser.Parse(sender, body);

        Assert.False(parsed.IsTransaction);
        Assert.Equal(reason, parsed.IgnoredReason);
        Assert.Null(parsed.Amount);
        Assert.Null(parsed.Direction);
    }

    [Fact]
    public void Parse_AlertWithDoNotShareOtpAdvice_IsStillATransaction()
    {
        var parsed = Parser.Parse("NEWLKB", "LKR 1,000.00 credited to AC **2211 for CITY TAXI - 33445566 / 02/03/2026 10:00:00 / Do not share OTP", "LK");

        Assert.True(parsed.IsTransaction);
        Assert.Equal(SmsDirection.Credit, parsed.Direction);
        Assert.Equal("CITY TAXI", parsed.Merchant);
    }

    [Fact]
    public void Parse_ExecutedDebitAfterFutureCredit_IsATransaction()
    {
        var parsed = Parser.Parse("AD-NEWBNK-S", "Rs. 900 debited from your account XXXX1111 today; beneficiary account XXXX2222/Ravi will be credited shortly. Ref 112233445566");

        Assert.True(parsed.IsTransaction);
        Assert.Equal("Ravi", parsed.Merchant);
        Assert.Equal("1111", parsed.AccountTail);
    }

    [Fact]
    public void Parse_ReversalOfFailedPayment_IsACredit()
    {
        var parsed = Parser.Parse("GULFBNK", "Reversal: AED 58.00 from an unsuccessful card payment has been credited back to account XXXX3344 on 19/03/26.");

        Assert.True(parsed.IsTransaction);
        Assert.Equal(SmsDirection.Credit, parsed.Direction);
    }
}
