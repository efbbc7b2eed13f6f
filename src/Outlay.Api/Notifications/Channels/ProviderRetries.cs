using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// Quick retries inside one send, for answers that say the provider did not take the message (429 and 5xx): a
/// brief hiccup costs a second rather than a dispatcher round. Exceptions and timeouts are not retried here,
/// since the provider may have taken that message; they go back to the outbox's slower backoff.
/// </summary>
public static class ProviderRetries
{
    public static IHttpClientBuilder AddProviderRetries(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("provider-retries", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
            if (options.ProviderRetries == 0)
            {
                return;
            }

            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ProviderRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.ProviderRetryDelayMilliseconds),
                // A Retry-After of minutes is the outbox's business, not a request's.
                ShouldRetryAfterHeader = false,
                ShouldHandle = attempt => ValueTask.FromResult(
                    attempt.Outcome.Result is { StatusCode: var status } && (status == HttpStatusCode.TooManyRequests || (int)status >= 500)),
            });
        });
        return builder;
    }
}
