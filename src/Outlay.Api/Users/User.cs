namespace Outlay.Api.Users;

public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Trimmed and lower-cased, so uniqueness is case-insensitive on every database.</summary>
    public required string Email { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Null for accounts that only sign in through an external provider.</summary>
    public string? PasswordHash { get; set; }

    public string Role { get; set; } = Roles.User;

    public bool IsDisabled { get; set; }

    /// <summary>Changes whenever existing access tokens must stop working (disable, delete, role change).</summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public string TimeZone { get; set; } = "UTC";

    public string Currency { get; set; } = "USD";

    public WeekStart WeekStart { get; set; } = WeekStart.Monday;

    public int MonthStartDay { get; set; } = 1;

    public int FailedLoginCount { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
