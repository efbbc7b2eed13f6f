using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outlay.Api.Users;

namespace Outlay.Api.Auth.SecurityEvents;

/// <summary>Something that happened to an account's security: a sign-in, a failure, a lock-out, a session ended, an admin change.</summary>
public sealed class SecurityEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    /// <summary>One of <see cref="SecurityEventKinds"/>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The client's address as the server saw it (after trusted proxies); the account owner's own data.</summary>
    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>A short, non-secret note ("by an admin", "role: admin").</summary>
    public string? Detail { get; set; }
}

public sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public const int UserAgentLength = 200;

    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("security_events");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(UserAgentLength);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // Read newest first per user (ids are time-ordered), and newest first for everyone by the admin.
        builder.HasIndex(e => new { e.UserId, e.Id });
    }
}
