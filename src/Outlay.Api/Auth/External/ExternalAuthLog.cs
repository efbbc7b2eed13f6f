namespace Outlay.Api.Auth.External;

internal static partial class ExternalAuthLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "External sign-in with {Provider} for user {UserId} ({Outcome})")]
    public static partial void SignedIn(ILogger logger, string provider, Guid userId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "External sign-in with {Provider} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "External sign-in with {Provider} failed at the provider callback")]
    public static partial void CallbackFailed(ILogger logger, string provider, Exception? failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {Provider} to user {UserId}")]
    public static partial void Linked(ILogger logger, string provider, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linking {Provider} refused: {Reason}")]
    public static partial void LinkRefused(ILogger logger, string provider, string reason);
}
