using Outlay.Accuracy;

// Accuracy reports on labelled corpora: `merchants <dev.csv>` (automatic categorisation) and
// `sms <dev.jsonl>` (bank SMS extraction). They report; they do not gate.
return args switch
{
    ["merchants", var path] => MerchantAccuracy.Run(path, Console.Out),
    ["sms", var path] => SmsAccuracy.Run(path, Console.Out),
    ["sms", var path, "--verbose"] => SmsAccuracy.Run(path, Console.Out, verbose: true),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Outlay.Accuracy merchants <merchants.csv> | sms <messages.jsonl>");
    return 2;
}
