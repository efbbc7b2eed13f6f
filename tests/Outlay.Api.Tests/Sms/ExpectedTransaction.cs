using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Tests.Sms;

/// <summary>One hand-written SMS and the parse we expect; every message here is invented for these tests.</summary>
public sealed record ExpectedTransaction(
    string Case,
    string? Sender,
    string Body,
    SmsDirection Direction,
    string Amount,
    string Currency,
    string? Merchant = null,
    string? AccountTail = null,
    string? Date = null,
    string? Balance = null,
    string? Reference = null,
    string? CountryHint = null)
{
    public override string ToString() => Case;
}
