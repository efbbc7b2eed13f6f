using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outlay.Api.Data;
using Outlay.Api.Infrastructure;

namespace Outlay.Api.Users;

/// <summary>
/// The first admin is chosen on purpose, never by being first to reach a fresh server: the account with
/// <c>Outlay:Admin:BootstrapEmail</c>, or whoever redeems the one-time token this writes to the log at start-up
/// while there is no admin (<see cref="RedeemAdminBootstrap"/>).
/// </summary>
public static partial class AdminBootstrap
{
    public static Task<bool> AnyActiveAdminAsync(OutlayDbContext db, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Role == Roles.Admin && !u.IsDisabled, cancellationToken);

    public static async Task BootstrapAdminAsync(this WebApplication app)
    {
        // Without migrations at start-up the database may not be there yet (or not reachable): the bootstrap
        // email still works at sign-up, the token needs a start with a ready database.
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlayDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var email = scope.ServiceProvider.GetRequiredService<IOptions<AdminBootstrapOptions>>().Value.NormalizedBootstrapEmail;
        var logger = app.Logger;
        if (await AnyActiveAdminAsync(db, CancellationToken.None))
        {
            await db.AdminBootstrapTokens.ExecuteDeleteAsync();
            return;
        }

        if (email is not null)
        {
            var promoted = await db.Users.Where(u => u.Email == email && !u.IsDisabled)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Role, Roles.Admin).SetProperty(u => u.SecurityStamp, Guid.NewGuid()));
            if (promoted > 0)
            {
                LogPromoted(logger);
            }

            return;
        }

        var (token, hash) = OpaqueTokens.Create();
        db.AdminBootstrapTokens.Add(new AdminBootstrapToken { TokenHash = hash, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        // The one secret Outlay ever logs, on purpose: the operator reading the log is the person it is for.
        // It can do nothing once an admin exists, and is single-use.
        LogToken(logger, token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account with Outlay:Admin:BootstrapEmail is now the admin")]
    private static partial void LogPromoted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Outlay has no admin. Sign up, then POST {{\"token\": \"...\"}} to /api/v1/admin/bootstrap with this one-time admin bootstrap token: {BootstrapToken}")]
    private static partial void LogToken(ILogger logger, string bootstrapToken);
}
