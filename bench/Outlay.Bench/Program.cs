using Outlay.Bench;

// Benchmarks (see bench/run.sh):
//   Outlay.Bench <cached server url> <uncached server url> <postgres connection string> <results file>
//     load on the report endpoints of running servers on PostgreSQL
//   Outlay.Bench sms-parser <corpus.jsonl> <results file>
//     the SMS parser alone, in process
if (args is ["sms-parser", var corpus, var results])
{
    var parserReport = SmsParserBenchmark.Run(corpus, TimeSpan.FromSeconds(5));
    await File.WriteAllTextAsync(results, parserReport);
    Console.WriteLine(parserReport);
    return 0;
}

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Outlay.Bench <cached url> <uncached url> <postgres connection string> <results file>");
    Console.Error.WriteLine("       Outlay.Bench sms-parser <corpus.jsonl> <results file>");
    return 2;
}

var report = await ReportBenchmark.RunAsync(new Uri(args[0]), new Uri(args[1]), args[2], TimeSpan.FromSeconds(8), concurrency: 8);
await File.WriteAllTextAsync(args[3], report);
Console.WriteLine(report);
return 0;
