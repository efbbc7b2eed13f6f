using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Notifications.Channels;

namespace Outlay.Api.Notifications;

/// <summary>
/// Sends the outbox: every instance leases due deliveries (on PostgreSQL a batch at a time with FOR UPDATE SKIP
/// LOCKED, on SQLite one at a time with a conditional update; either way a row is leased by exactly one instance,
/// and a lost instance's lease runs out), sends, and records the outcome.
/// Rate limits, outages and timeouts are retried with exponential backoff and jitter until
/// <see cref="NotificationOptions.MaxDeliveryAttempts"/>; a permanent refusal is never retried.
/// A send that times out has an unknown outcome (Twilio may have accepted it); it is retried, so in that case
/// only the user may get a message twice: a repeat is better than an alert that never arrives.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes, UnreachableChannels unreachable, IOptionsMonitor<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

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
        var (looked, claimed) = db.Database.IsNpgsql()
            ? await ClaimSkippingLockedAsync(db, now, cancellationToken)
            : await ClaimOneByOneAsync(db, now, cancellationToken);
        var items = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => claimed.Contains(d.Id))
            .OrderBy(d => d.NextAttemptAt)
            .Join(db.Set<Notification>(), d => d.NotificationId, n => n.Id, (d, n) => new { Delivery = d, n.Kind, n.Title, n.Message })
            .ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            // A provider that must send a template instead of the text fills it with the title and the message.
            var message = new PhoneMessage(item.Delivery.Channel, item.Delivery.To, item.Delivery.Body, item.Kind, [item.Title, item.Message])
            {
                DeliveryId = item.Delivery.Id,
                AsTemplate = item.Delivery.SendAsTemplate,
            };
            await SendAsync(db, messaging, item.Delivery, message, cancellationToken);
        }

        return looked;
    }

    /// <summary>
    /// PostgreSQL: one statement leases a batch of due rows, skipping rows another instance is leasing at that moment,
    /// so instances never wait on each other or fight over the same rows.
    /// </summary>
    private async Task<(int Looked, List<Guid> Claimed)> ClaimSkippingLockedAsync(OutlayDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = now.AddSeconds(options.CurrentValue.DeliveryLeaseSeconds);
        var queued = DeliveryStatuses.Queued;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE notification_deliveries SET lease_until = {lease}, updated_at = {now}
            WHERE id IN (
                SELECT id FROM notification_deliveries
                WHERE status = {queued} AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until < {now})
                ORDER BY next_attempt_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return (claimed.Count, claimed);
    }

    /// <summary>SQLite (one writer at a time): each due row is leased by a conditional update that only one instance wins.</summary>
    private async Task<(int Looked, List<Guid> Claimed)> ClaimOneByOneAsync(OutlayDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatuses.Queued && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .Take(BatchSize)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var lease = now.AddSeconds(options.CurrentValue.DeliveryLeaseSeconds);
        var claimed = new List<Guid>();
        foreach (var id in due)
        {
            var won = await db.Set<NotificationDelivery>()
                .Where(d => d.Id == id && d.Status == DeliveryStatuses.Queued && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseUntil, lease).SetProperty(d => d.UpdatedAt, now), cancellationToken) == 1;
            if (won)
            {
                claimed.Add(id);
            }
        }

        return (due.Count, claimed);
    }

    private async Task SendAsync(OutlayDbContext db, PhoneMessaging messaging, NotificationDelivery delivery, PhoneMessage message, CancellationToken cancellationToken)
    {
        var result = await messaging.SendAsync(message, cancellationToken);
        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var rows = db.Set<NotificationDelivery>().Where(d => d.Id == delivery.Id);
        if (result.IsSent)
        {
            await rows.ExecuteUpdateAsync(
                // Remembered, so that a status event about the template cannot send it again.
                set => set.SetProperty(d => d.Status, DeliveryStatuses.Sent).SetProperty(d => d.ProviderMessageId, result.ProviderMessageId)
                    .SetProperty(d => d.SendAsTemplate, d => d.SendAsTemplate || result.AsTemplate)
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
        if (result.IsPermanent && UnreachableChannels.IsSignalledBy(result.ErrorCode))
        {
            await unreachable.TurnOffAsync(db, delivery.UserId, delivery.Channel, result.ErrorCode, result.Error, now, cancellationToken);
        }
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
