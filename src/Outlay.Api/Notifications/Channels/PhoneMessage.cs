namespace Outlay.Api.Notifications.Channels;

/// <summary>
/// One message to a phone: its text, and what a provider needs to send it as an approved template instead,
/// because WhatsApp only carries free text within 24 hours of the person's last message to us.
/// </summary>
/// <param name="Kind">A notification kind, or <see cref="PhoneVerificationCodes.TemplateKind"/>: which template stands in for the text.</param>
/// <param name="TemplateParameters">The template's body parameters, in order.</param>
public sealed record PhoneMessage(string Channel, string To, string Body, string Kind, IReadOnlyList<string> TemplateParameters)
{
    /// <summary>The outbox row it comes from, if any; it comes back with the provider's status events.</summary>
    public Guid? DeliveryId { get; init; }

    /// <summary>Send the template straight away: no window can be open (a first message), or the text was refused for that.</summary>
    public bool AsTemplate { get; init; }
}
