namespace Outlay.Api.Notifications.Channels;

/// <summary>One approved WhatsApp template (<c>Outlay:Notifications:Meta:Templates:&lt;kind&gt;</c>).</summary>
public sealed class MetaTemplateOptions
{
    public string? Name { get; set; }

    /// <summary>The language the template was approved in, as Meta names it.</summary>
    public string Language { get; set; } = "en_US";
}
