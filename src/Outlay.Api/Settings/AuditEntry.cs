using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Outlay.Api.Settings;

/// <summary>Who changed what, when: one row per changed setting (or other admin action).</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; set; }

    /// <summary>The admin who acted; null for the system, or once that account is gone.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>What happened, e.g. <c>settings.update</c> or <c>settings.reset</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to, e.g. the setting key.</summary>
    public required string Target { get; set; }

    /// <summary>JSON text; for settings <c>{"old": ..., "new": ...}</c>.</summary>
    public required string Detail { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.Property(a => a.Action).HasMaxLength(64);
        entry.Property(a => a.Target).HasMaxLength(128);
        entry.Property(a => a.Detail).IsRequired();
        entry.HasIndex(a => a.At);
    }
}
