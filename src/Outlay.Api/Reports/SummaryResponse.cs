using System.ComponentModel;
using Outlay.Api.Expenses;

namespace Outlay.Api.Reports;

// Sealed and immutable: HybridCache hands the cached instance out again instead of deserialising a copy per hit.
[ImmutableObject(true)]
public sealed record SummaryResponse(
    PeriodResponse Period,
    string Currency,
    decimal Total,
    int Count,
    decimal AveragePerDay,
    Comparison Previous,
    Comparison YearAgo,
    IReadOnlyList<CategoryTotal> ByCategory,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyList<MerchantTotal> TopMerchants,
    IReadOnlyList<ExpenseResponse> Largest,
    IReadOnlyList<CurrencyTotal> OtherCurrencies);

public sealed record PeriodResponse(DateOnly Start, DateOnly End, string Label)
{
    public static PeriodResponse From(ReportPeriod period) => new(period.Start, period.End, period.Label);
}

/// <summary>Another period's total and the change to this one in percent (null when that total was zero).</summary>
public sealed record Comparison(PeriodResponse Period, decimal Total, double? ChangePercent)
{
    public static Comparison Of(ReportPeriod period, decimal total, decimal current) =>
        new(PeriodResponse.From(period), total, total == 0 ? null : Math.Round((double)((current - total) / total * 100), 2));
}

public sealed record CategoryTotal(Guid CategoryId, string Name, string Color, decimal Total, int Count, double Share);

public sealed record SeriesPoint(DateOnly Start, decimal Total);

public sealed record MerchantTotal(string Merchant, decimal Total, int Count);

public sealed record CurrencyTotal(string Currency, decimal Total, int Count);
