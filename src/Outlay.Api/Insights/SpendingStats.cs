namespace Outlay.Api.Insights;

/// <summary>Mean and sample standard deviation from the count, sum and sum of squares the database returns.</summary>
public sealed record SpendingStats(int Count, double Sum, double SumOfSquares)
{
    public double Mean => Count > 0 ? Sum / Count : 0;

    public double StdDev => Count > 1 ? Math.Sqrt(Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1))) : 0;

    /// <summary>
    /// The statistics of the other samples: an outlier judged against figures that include itself can
    /// never stand out (with 8 samples the largest possible z-score is 7/√8 ≈ 2.5).
    /// </summary>
    public SpendingStats Without(double value) => new(Count - 1, Sum - value, SumOfSquares - (value * value));

    /// <summary>
    /// The amount above which one of these samples lies more than <paramref name="stdDevs"/> standard deviations
    /// above the others (<see cref="Without"/> then <see cref="ZScore"/>): with d its distance from this mean,
    /// that z-score is d·n/(n−1) ÷ √(((n−1)s² − d²·n/(n−1)) / (n−2)), which grows with d, so solving for d gives
    /// one threshold for every sample. The database then returns only the expenses that can stand out.
    /// </summary>
    public double OutlierFloor(double stdDevs)
    {
        if (Count < 3)
        {
            return double.PositiveInfinity;
        }

        double n = Count;
        var a = (n * n * (n - 2) / ((n - 1) * (n - 1))) + (stdDevs * stdDevs * n / (n - 1));
        return Mean + (stdDevs * StdDev * Math.Sqrt((n - 1) / a));
    }

    /// <summary>How many standard deviations <paramref name="value"/> lies above the mean; null when there is no spread.</summary>
    public double? ZScore(double value) => StdDev > 0 ? (value - Mean) / StdDev : null;
}
