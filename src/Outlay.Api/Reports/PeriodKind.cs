namespace Outlay.Api.Reports;

public enum PeriodKind
{
    Week,
    Month,
    Year,
}

public static class PeriodKinds
{
    /// <summary>Reads week, month or year in any case; null for anything else.</summary>
    public static PeriodKind? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "week" => PeriodKind.Week,
        "month" => PeriodKind.Month,
        "year" => PeriodKind.Year,
        _ => null,
    };
}
