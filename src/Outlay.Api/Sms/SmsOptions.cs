using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Sms;

/// <summary>Static settings for SMS ingestion (section <c>Outlay:Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Outlay:Sms";

    /// <summary>Turning ingestion off also deletes the stored (encrypted) bodies of the user's messages.</summary>
    public bool DeleteBodiesOnDisable { get; set; } = true;

    /// <summary>Whether a user who never chose keeps the encrypted bodies of transaction messages.</summary>
    public bool KeepMessageBodiesByDefault { get; set; } = true;

    /// <summary>Two texts about the same amount on the same account this close together are one transaction.</summary>
    [Range(0, 24 * 60)]
    public int DuplicateWindowMinutes { get; set; } = 10;

    [Range(1, 1000)]
    public int MaxTokensPerUser { get; set; } = 20;
}
