namespace Outlay.Api.Sms.Parsing;

/// <summary>How a bank writes all-numeric dates such as <c>07/08/25</c>.</summary>
public enum SmsDateOrder
{
    DayFirst,
    MonthFirst,
    YearFirst,
}
