using System.Text.RegularExpressions;

namespace Outlay.Api.Sms.Parsing;

/// <summary>A validated <see cref="SmsTemplate"/> with its patterns compiled once.</summary>
internal sealed class CompiledTemplate
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex[] senders;
    private readonly Regex[] bodies;

    public CompiledTemplate(SmsTemplate template)
    {
        var errors = template.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid SMS template '{template.Bank}': {string.Join("; ", errors)}", nameof(template));
        }

        Template = template;
        senders = template.SenderPatterns.Select(Compile).ToArray();
        Amount = CompileOptional(template.AmountPattern);
        Merchant = CompileOptional(template.MerchantPattern);
        Account = CompileOptional(template.AccountPattern);
        Balance = CompileOptional(template.BalancePattern);
        Reference = CompileOptional(template.ReferencePattern);
        Ignore = (template.IgnorePatterns ?? []).Select(Compile).ToArray();
        bodies = (template.BodyPatterns ?? []).Select(Compile).ToArray();
    }

    public SmsTemplate Template { get; }

    public Regex? Amount { get; }

    public Regex? Merchant { get; }

    public Regex? Account { get; }

    public Regex? Balance { get; }

    public Regex? Reference { get; }

    public IReadOnlyList<Regex> Ignore { get; }

    public bool MatchesSender(string sender) => senders.Any(s => s.IsMatch(sender));

    public bool MatchesBody(string text) => bodies.Any(b => b.IsMatch(text));

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout);

    private static Regex? CompileOptional(string? pattern) => pattern is null ? null : Compile(pattern);
}
