namespace Outlay.Api.Sms;

/// <summary>SMS events. Ids and outcomes only: never a body, a token, a sender or an amount.</summary>
public static partial class SmsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageId} from user {UserId}: {Status} ({Reason}), expense {ExpenseId}")]
    public static partial void Ingested(ILogger logger, Guid messageId, Guid userId, string status, string? reason, Guid? expenseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated SMS from user {UserId} matched message {MessageId}")]
    public static partial void Repeated(ILogger logger, Guid userId, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS from user {UserId} refused: ingestion is turned off")]
    public static partial void RefusedWithoutConsent(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} turned SMS ingestion {State}; {DeletedBodies} stored bodies deleted")]
    public static partial void ConsentChanged(ILogger logger, Guid userId, string state, int deletedBodies);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created SMS ingest token {TokenId}")]
    public static partial void TokenCreated(ILogger logger, Guid userId, Guid tokenId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} revoked SMS ingest token {TokenId}")]
    public static partial void TokenRevoked(ILogger logger, Guid userId, Guid tokenId);
}
