using Outlay.Api.Expenses;

namespace Outlay.Api.Sms;

/// <summary>
/// What became of a posted SMS: <c>created</c> (with the new expense), <c>duplicate</c> (with the expense it
/// repeats, unless that was deleted) or <c>ignored</c> (with the reason).
/// </summary>
public sealed record SmsIngestResponse(SmsMessageStatus Status, string? Reason, ParsedSmsResponse Parsed, ExpenseResponse? Expense);
