namespace Outlay.Api.Notifications.Channels;

public enum TwilioWebhookCheck
{
    Signed,
    NotConfigured,
    BadSignature,
}

/// <summary>The form Twilio posted to one of Outlay's webhooks, read once its <c>X-Twilio-Signature</c> is checked.</summary>
public static class TwilioWebhookForm
{
    /// <summary>The webhook is configured when Outlay knows its public URL (Twilio signs the URL it called) and Twilio's credentials.</summary>
    public static async Task<(TwilioWebhookCheck Check, IFormCollection Form)> ReadAsync(
        HttpRequest request, string path, TwilioOptions twilio, NotificationOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || options.StatusCallbackUrl(path) is not { } url || !twilio.HasCredentials)
        {
            return (TwilioWebhookCheck.NotConfigured, FormCollection.Empty);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var parameters = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        return TwilioSignature.IsValid(twilio.AuthToken!, url, parameters, request.Headers["X-Twilio-Signature"])
            ? (TwilioWebhookCheck.Signed, form)
            : (TwilioWebhookCheck.BadSignature, form);
    }
}
