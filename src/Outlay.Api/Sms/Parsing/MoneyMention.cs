namespace Outlay.Api.Sms.Parsing;

/// <summary>A number the SMS presents as money, where it sits in the text and the currency written next to it.</summary>
internal sealed record MoneyMention(int Start, int End, decimal Value, string? Currency);
