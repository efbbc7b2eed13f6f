using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;

namespace Outlay.Api.Infrastructure.Keys;

/// <summary>
/// Keys an earlier version kept in the data folder move into the database at start-up, so what they protected
/// (SMS texts stored then) stays readable. The folder is then the operator's to delete.
/// </summary>
public static partial class LegacyDataProtectionKeys
{
    public static async Task ImportLegacyDataProtectionKeysAsync(this WebApplication app)
    {
        var folder = new DirectoryInfo(Path.Combine(app.Services.GetRequiredService<IOptions<OutlayOptions>>().Value.ResolveDataPath(), DataProtectionSetup.LegacyKeyFolder));
        if (!folder.Exists)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in folder.EnumerateFiles("*.xml"))
        {
            var name = Path.GetFileNameWithoutExtension(file.Name);
            if (!known.Contains(name))
            {
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file.FullName) });
                imported++;
            }
        }

        await db.SaveChangesAsync();
        LogLegacyFolder(app.Logger, imported, folder.FullName);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved {Imported} Data Protection key(s) from {Folder} into the database; delete that folder once this instance has started")]
    private static partial void LogLegacyFolder(ILogger logger, int imported, string folder);
}
