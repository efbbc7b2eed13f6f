namespace Outlay.Api.Sms.Parsing;

public sealed record ParsedSms(
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
    public static ParsedSms Ignored(string reason) =>
        new(false, null, null, null, null, null, null, null, null, reason);
}
