using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Auth;
using Outlay.Api.Data;

namespace Outlay.Api.Sms;

public sealed record UpdateSmsSettingsRequest([property: Required] bool? Enabled, bool? KeepMessageBodies);

public static class UpdateSmsSettings
{
    public static async Task<SmsSettingsResponse> HandleAsync(
        UpdateSmsSettingsRequest request,
        CurrentUser me,
        OutlayDbContext db,
        IOptions<SmsOptions> options,
        TimeProvider clock,
        ILogger<SmsSettings> logger,
        CancellationToken cancellationToken)
    {
        var settings = await db.SmsSettings.SingleOrDefaultAsync(s => s.UserId == me.Id, cancellationToken);
        if (settings is null)
        {
            settings = new SmsSettings { UserId = me.Id, KeepMessageBodies = options.Value.KeepMessageBodiesByDefault };
            db.SmsSettings.Add(settings);
        }

        var enabled = request.Enabled!.Value;
        if (enabled && !settings.IsEnabled)
        {
            settings.ConsentedAt = clock.GetUtcNow();
        }
        else if (!enabled)
        {
            settings.ConsentedAt = null;
        }

        settings.IsEnabled = enabled;
        settings.KeepMessageBodies = request.KeepMessageBodies ?? settings.KeepMessageBodies;
        try
        {
            // Committed before the bodies go: from here on no ingestion for this user can pass its consent check.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // A concurrent first PUT created the row; the client can simply repeat this one.
            throw new DbUpdateConcurrencyException("The SMS settings were created by another request.", exception);
        }

        var deleted = 0;
        if ((!enabled && options.Value.DeleteBodiesOnDisable) || !settings.KeepMessageBodies)
        {
            deleted = await db.SmsMessages.Where(m => m.UserId == me.Id && m.ProtectedBody != null)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ProtectedBody, (string?)null), cancellationToken);
        }

        SmsLog.ConsentChanged(logger, me.Id, enabled ? "on" : "off", deleted);
        return SmsSettingsResponse.From(settings, options.Value);
    }
}
