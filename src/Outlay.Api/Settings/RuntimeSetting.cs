using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Outlay.Api.Settings;

/// <summary>One dynamic-configuration key an admin has set; keys without a row use their static default.</summary>
public sealed class RuntimeSetting
{
    public const int MaxKeyLength = 64;

    public required string Key { get; set; }

    /// <summary>The value as JSON, in the shape <c>GET /admin/settings</c> shows it.</summary>
    public required string ValueJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }
}

public sealed class RuntimeSettingConfiguration : IEntityTypeConfiguration<RuntimeSetting>
{
    public void Configure(EntityTypeBuilder<RuntimeSetting> setting)
    {
        setting.ToTable("runtime_settings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(RuntimeSetting.MaxKeyLength);
        setting.Property(s => s.ValueJson).IsRequired();
    }
}
