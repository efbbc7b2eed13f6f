using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Sends the outbox: every instance claims due deliveries one at a time with a conditional update (a row is
/// claimed by exactly one instance, and a lost instance's lease runs out), sends, and records the outcome.
/// Rate limits, outages and timeouts are retried with exponential backoff and jitter until
/// <see cref="NotificationOptions.MaxDeliveryAttempts"/>; a permanent refusal is never retried.
/// A send that times out has an unknown outcome (Twilio may have accepted it); it is retried, so in that case
/// only the user may get a message twice: a repeat is better than an alert that never arrives.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes, NotificationStream stream, IOptionsMonitor<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>Twilio's answers that mean the person cannot or will not get messages on that number: the channel is turned off.</summary>
    private static readonly HashSet<string> OptedOutOrUnreachable = ["21610", "21612", "21614"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.CurrentValue.DispatchIntervalMilliseconds), clock);
        do
        {
            if (!options.CurrentValue.DispatchEnabled)
            {
                continue;
            }

            try
            {
                while (await DispatchDueAsync(stoppingToken) == BatchSize)
                {
                    // A full batch: more may be waiting.
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database or a provider is away: the rows stay queued for the next round.
                LogRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: claims and sends up to a batch of due deliveries; how many it looked at.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var messaging = scope.ServiceProvider.GetRequiredService<PhoneMessaging>();
        var now = clock.GetUtcNow();
        var due = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatuses.Queued && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            if (await ClaimAsync(db, delivery, now, cancellationToken))
            {
                await SendAsync(db, messaging, delivery, cancellationToken);
            }
        }

        return due.Count;
    }

    private async Task<bool> ClaimAsync(OutlayDbContext db, NotificationDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = now.AddSeconds(options.CurrentValue.DeliveryLeaseSeconds);
        // Atomic per row on both engines: of two instances that saw it due, one updates it, the other updates nothing.
        return await db.Set<NotificationDelivery>()
            .Where(d => d.Id == delivery.Id && d.Status == DeliveryStatuses.Queued && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseUntil, lease).SetProperty(d => d.UpdatedAt, now), cancellationToken) == 1;
    }

    private async Task SendAsync(OutlayDbContext db, PhoneMessaging messaging, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var result = await messaging.SendAsync(delivery.Channel, delivery.To, delivery.Body, cancellationToken);
        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var rows = db.Set<NotificationDelivery>().Where(d => d.Id == delivery.Id);
        if (result.IsSent)
        {
            await rows.ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Status, DeliveryStatuses.Sent).SetProperty(d => d.ProviderMessageId, result.ProviderMessageId)
                    .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(d => d.Error, (string?)null).SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
            LogSent(logger, delivery.Channel, delivery.Id, attempts);
            return;
        }

        var error = $"{result.ErrorCode}: {result.Error}";
        error = error.Length > 500 ? error[..500] : error;
        var giveUp = result.IsPermanent || attempts >= options.CurrentValue.MaxDeliveryAttempts;
        var next = now + RetryDelay(attempts);
        await rows.ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, giveUp ? DeliveryStatuses.Failed : DeliveryStatuses.Queued)
                .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null).SetProperty(d => d.Error, error).SetProperty(d => d.UpdatedAt, now),
            cancellationToken);
        LogNotSent(logger, delivery.Channel, delivery.Id, attempts, result.ErrorCode, giveUp);
        if (result.IsPermanent && result.ErrorCode is { } code && OptedOutOrUnreachable.Contains(code))
        {
            await TurnOffChannelAsync(db, delivery, result, now, cancellationToken);
        }
    }

    /// <summary>Stops sending on a channel the provider says cannot reach the person, and tells them in the feed.</summary>
    private async Task TurnOffChannelAsync(OutlayDbContext db, NotificationDelivery delivery, SendResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var preferences = db.Set<NotificationPreferences>().Where(p => p.UserId == delivery.UserId);
        var changed = delivery.Channel == NotificationChannels.Sms
            ? await preferences.Where(p => p.SmsEnabled).ExecuteUpdateAsync(set => set.SetProperty(p => p.SmsEnabled, false), cancellationToken)
            : await preferences.Where(p => p.WhatsAppEnabled).ExecuteUpdateAsync(set => set.SetProperty(p => p.WhatsAppEnabled, false), cancellationToken);
        if (changed == 0)
        {
            return; // already off: another delivery told them
        }

        var name = delivery.Channel == NotificationChannels.Sms ? "SMS" : "WhatsApp";
        var notification = new Notification
        {
            UserId = delivery.UserId,
            Kind = NotificationKinds.ChannelDisabled,
            Title = $"{name} alerts are off",
            Message = $"Your provider could not deliver to your number ({result.Error}). Alerts stay in the app; turn {name} on again in the notification settings once the number can receive them.",
            DataJson = System.Text.Json.JsonSerializer.Serialize(new { channel = delivery.Channel, errorCode = result.ErrorCode }),
            CreatedAt = now,
        };
        db.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        await stream.PublishAsync(delivery.UserId, NotificationResponse.From(notification));
    }

    /// <summary>first × 2^(attempt−1), at most the maximum, less up to a fifth at random so instances spread out.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var settings = options.CurrentValue;
        var seconds = Math.Min(settings.RetryFirstDelaySeconds * Math.Pow(2, attempt - 1), settings.RetryMaxDelaySeconds);
        return TimeSpan.FromSeconds(seconds * (1 - (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Channel} delivery {DeliveryId} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string channel, Guid deliveryId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} delivery {DeliveryId} not sent (attempt {Attempt}, {ErrorCode}); given up: {GivenUp}")]
    private static partial void LogNotSent(ILogger logger, string channel, Guid deliveryId, int attempt, string? errorCode, bool givenUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery round failed; queued messages wait for the next one")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
