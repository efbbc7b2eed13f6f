namespace Outlay.Api.Sms.Parsing;

public enum SmsDirection
{
    Debit,
    Credit,
}
