using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Sms;

/// <summary>What the parser read from an SMS. <c>amount</c> and <c>balance</c> are decimal strings, <c>date</c> a calendar day.</summary>
public sealed record ParsedSmsResponse(
    bool IsTransaction,
    SmsDirection? Direction,
    decimal? Amount,
    string? Currency,
    string? Merchant,
    string? AccountTail,
    DateOnly? Date,
    decimal? Balance,
    string? Reference,
    string? IgnoredReason)
{
    public static ParsedSmsResponse From(ParsedSms parsed) => new(
        parsed.IsTransaction, parsed.Direction, parsed.Amount, parsed.Currency, parsed.Merchant, parsed.AccountTail,
        parsed.Date, parsed.Balance, parsed.Reference, parsed.IgnoredReason);
}
