using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Outlay.Bench;

/// <summary>Closed-loop load: a fixed number of clients send requests back to back for a fixed time.</summary>
public sealed record LoadResult(string Name, int Requests, int Failures, double PerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {Failures} | {PerSecond:0} | {P50Ms:0.00} | {P99Ms:0.00} | {MaxMs:0.00} |");

    public static async Task<LoadResult> RunAsync(string name, HttpClient client, Func<int, string> url, TimeSpan duration, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                var begin = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url(worker * 1_000_000 + i));
                await response.Content.LoadIntoBufferAsync();
                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new LoadResult(name, sorted.Length, failures, sorted.Length / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
