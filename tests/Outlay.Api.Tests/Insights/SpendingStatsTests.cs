using Outlay.Api.Insights;

namespace Outlay.Api.Tests.Insights;

public sealed class SpendingStatsTests
{
    private static SpendingStats Of(params double[] values) => new(values.Length, values.Sum(), values.Sum(v => v * v));

    [Fact]
    public void StdDev_IsTheSampleStandardDeviation()
    {
        // 2 4 4 4 5 5 7 9: mean 5, squared deviations sum to 32, sample variance 32 / 7.
        var stats = Of(2, 4, 4, 4, 5, 5, 7, 9);

        Assert.Equal(5, stats.Mean, 10);
        Assert.Equal(Math.Sqrt(32.0 / 7), stats.StdDev, 10);
    }

    [Fact]
    public void Without_RemovesOneSampleFromTheSums()
    {
        var others = Of(2, 4, 4, 4, 5, 5, 7, 9).Without(9);

        Assert.Equal(Of(2, 4, 4, 4, 5, 5, 7).Mean, others.Mean, 10);
        Assert.Equal(Of(2, 4, 4, 4, 5, 5, 7).StdDev, others.StdDev, 10);
    }

    [Fact]
    public void ZScore_OfAnOutlierAgainstTheOthers_CanExceedThree()
    {
        // Eight lunches of 10–13 and one of 80: against itself included the outlier scores under 3.
        double[] lunches = [10, 12, 11, 13, 10, 12, 11, 13];
        var withOutlier = Of([.. lunches, 80]);

        Assert.True(withOutlier.ZScore(80) < 3);
        // Others: mean 11.5, sample stddev √(10 / 7) = 1.195; (80 − 11.5) / 1.195 = 57.3.
        Assert.Equal((80 - 11.5) / Math.Sqrt(10.0 / 7), withOutlier.Without(80).ZScore(80)!.Value, 6);
    }

    [Fact]
    public void ZScore_WithoutSpread_IsNull() => Assert.Null(Of(5, 5, 5).ZScore(9));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OutlierFloor_SeparatesTheSamplesThatStandOutFromTheOthersFromThoseThatDoNot(int seed)
    {
        var random = new Random(seed);
        var samples = Enumerable.Range(0, 20).Select(_ => 5 + (random.NextDouble() * 45)).ToList();

        // Every amount in a wide range is tried as the last sample: above the floor it must stand out, below not.
        for (var candidate = 1.0; candidate < 200; candidate += 0.37)
        {
            var stats = Of([.. samples, candidate]);
            var standsOut = stats.Without(candidate).ZScore(candidate) > 3;

            Assert.Equal(standsOut, candidate > stats.OutlierFloor(3));
        }
    }

    [Fact]
    public void OutlierFloor_WithFewerThanThreeSamples_IsUnreachable() =>
        Assert.Equal(double.PositiveInfinity, Of(10, 50).OutlierFloor(3));
}
