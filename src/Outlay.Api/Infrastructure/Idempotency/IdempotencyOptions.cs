using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Infrastructure.Idempotency;

public sealed class IdempotencyOptions
{
    public const string SectionName = "Outlay:Idempotency";

    /// <summary>How long an Idempotency-Key is remembered; the contract promises at least 24 hours.</summary>
    [Range(24, 24 * 30)]
    public int RetentionHours { get; set; } = 48;

    /// <summary>A first attempt still unfinished after this long is taken as lost (its server died) and may be retried.</summary>
    [Range(5, 3600)]
    public int AbandonAfterSeconds { get; set; } = 60;
}
