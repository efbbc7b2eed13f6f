namespace Outlay.Api.Reports.Rollups;

/// <summary>
/// The live expenses of one user on one day in one category and currency: their total and count.
/// Written only by database triggers on <c>expenses</c> (see ADR 0004), read by reports, budgets and insights.
/// </summary>
public sealed class DailySpending
{
    public Guid UserId { get; set; }

    public DateOnly Day { get; set; }

    public Guid CategoryId { get; set; }

    public required string Currency { get; set; }

    public decimal Total { get; set; }

    public int Count { get; set; }
}
