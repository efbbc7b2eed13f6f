using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Outlay.Api.Auth.External;

/// <summary>The providers configured at startup, found by the name in the URL (case-insensitively).</summary>
public sealed partial class ExternalProviders(IReadOnlyList<string> names, IOptionsMonitor<ExternalProviderOptions> options)
{
    public const int MaxNameLength = 32;

    public IReadOnlyList<string> Names => names;

    public bool TryFind(string name, [NotNullWhen(true)] out string? provider)
    {
        provider = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return provider is not null;
    }

    public ExternalProviderOptions OptionsFor(string provider) => options.Get(provider);

    public string DisplayNameOf(string provider) =>
        OptionsFor(provider).DisplayName is { Length: > 0 } displayName ? displayName : provider;

    public static string SchemeFor(string provider) => $"external-{provider}";

    /// <summary>Names end up in URLs, scheme names and the database, so they are short, lower-case slugs.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();
}
