using Outlay.Api.Settings;
using Outlay.Api.Sms.Parsing;

namespace Outlay.Api.Sms;

/// <summary>
/// The SMS parser for the current settings: the shipped templates plus the admin's <c>smsTemplates</c>
/// (which win), compiled once per settings version.
/// </summary>
public sealed class SmsParserProvider(SettingsStore settings)
{
    private readonly IReadOnlyList<SmsTemplate> builtIn = SmsTemplateCatalog.LoadBuiltIn();
    private Built? current;

    public SmsParser Current
    {
        get
        {
            var version = settings.Version;
            if (Volatile.Read(ref current) is { } cached && cached.Version == version)
            {
                return cached.Parser;
            }

            var parser = new SmsParser(builtIn.Concat(settings.Current.SmsTemplates));
            Volatile.Write(ref current, new Built(version, parser));
            return parser;
        }
    }

    private sealed record Built(long Version, SmsParser Parser);
}
