namespace Outlay.Api.Expenses;

public sealed class Expense
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    /// <summary>The calendar day as the user sees it; reports group by it.</summary>
    public DateOnly OccurredOn { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }

    public Guid CategoryId { get; set; }

    public string? Merchant { get; set; }

    /// <summary>The merchant normalised for matching: how the user's own history suggests a category.</summary>
    public string? MerchantKey { get; set; }

    /// <summary>True when a person picked the category (on entry, import or edit), false when it was guessed.</summary>
    public bool CategoryChosenByUser { get; set; }

    public string? Note { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? PaymentMethod { get; set; }

    public ExpenseSource Source { get; set; } = ExpenseSource.Manual;

    /// <summary>The last digits of the account or card, as a bank SMS gives them.</summary>
    public string? AccountTail { get; set; }

    /// <summary>The bank's transaction reference (UPI/IMPS ref, authorisation code), as a bank SMS gives it.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when deleted; the row stays restorable until the purge removes it.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Optimistic concurrency token, also the ETag.</summary>
    public int Version { get; set; } = 1;
}
