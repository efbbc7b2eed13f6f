using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Bench;

/// <summary>
/// Throughput and per-message latency of the SMS parser over a JSONL corpus (the shared dev set or any
/// file of <c>{"sender", "body"}</c> lines), after a warm-up, on one thread.
/// </summary>
public static class SmsParserBenchmark
{
    public static string Run(string corpusPath, TimeSpan duration)
    {
        var messages = File.ReadLines(corpusPath)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line =>
            {
                using var record = JsonDocument.Parse(line);
                var root = record.RootElement;
                return (Sender: root.TryGetProperty("sender", out var sender) ? sender.GetString() : null, Body: root.GetProperty("body").GetString()!);
            })
            .ToList();
        var parser = SmsParser.CreateDefault();
        foreach (var (sender, body) in messages)
        {
            parser.Parse(sender, body);
        }

        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration)
        {
            foreach (var (sender, body) in messages)
            {
                var one = Stopwatch.GetTimestamp();
                parser.Parse(sender, body);
                latencies.Add(Stopwatch.GetElapsedTime(one).TotalMicroseconds);
            }
        }

        total.Stop();
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        var report = new StringBuilder()
            .AppendLine("# SMS parser benchmark")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{messages.Count} messages from `{Path.GetFileName(corpusPath)}`, parsed {latencies.Count:N0} times on one thread in {total.Elapsed.TotalSeconds:0.0} s after one warm-up pass.")
            .AppendLine()
            .AppendLine("| messages/s | p50 µs | p99 µs | max µs |")
            .AppendLine("|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| {latencies.Count / total.Elapsed.TotalSeconds:N0} | {Percentile(0.50):0.0} | {Percentile(0.99):0.0} | {latencies[^1]:0.0} |");
        return report.ToString();
    }
}
