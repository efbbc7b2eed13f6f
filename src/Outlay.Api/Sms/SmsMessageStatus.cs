namespace Outlay.Api.Sms;

public enum SmsMessageStatus
{
    Created,
    Duplicate,
    Ignored,
}
