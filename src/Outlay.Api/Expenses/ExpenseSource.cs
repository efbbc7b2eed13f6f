namespace Outlay.Api.Expenses;

public enum ExpenseSource
{
    Manual,
    Sms,
    Import,
    Recurring,
}
