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

    /// <summary>
    /// The sum of the squared amounts, for the spread of single expenses (the unusual-expense tip). A double: on
    /// SQLite it is in the stored scale (amount × 10,000, squared), which readers divide out as they do for sums.
    /// </summary>
    public double TotalSquares { get; set; }
}
