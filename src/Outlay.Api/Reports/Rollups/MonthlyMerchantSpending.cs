namespace Outlay.Api.Reports.Rollups;

/// <summary>
/// The live expenses of one user at one merchant (as entered) in one calendar month and currency.
/// Written only by database triggers on <c>expenses</c> (see ADR 0004); top merchants read it.
/// </summary>
public sealed class MonthlyMerchantSpending
{
    public Guid UserId { get; set; }

    /// <summary>The first day of the calendar month.</summary>
    public DateOnly Month { get; set; }

    public required string Currency { get; set; }

    public required string Merchant { get; set; }

    public decimal Total { get; set; }

    public int Count { get; set; }
}
