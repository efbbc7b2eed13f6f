using Outlay.Bench;

// Load generator for the report endpoints against running servers on PostgreSQL (see bench/run.sh).
// usage: Outlay.Bench <cached server url> <uncached server url> <postgres connection string> <results file>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Outlay.Bench <cached url> <uncached url> <postgres connection string> <results file>");
    return 2;
}

var report = await ReportBenchmark.RunAsync(new Uri(args[0]), new Uri(args[1]), args[2], TimeSpan.FromSeconds(8), concurrency: 8);
await File.WriteAllTextAsync(args[3], report);
Console.WriteLine(report);
return 0;
