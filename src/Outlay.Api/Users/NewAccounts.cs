using Microsoft.EntityFrameworkCore;
using Outlay.Api.Categories;
using Outlay.Api.Data;

namespace Outlay.Api.Users;

/// <summary>What every new account gets, however it signed up (password or external provider).</summary>
public static class NewAccounts
{
    /// <summary>
    /// Adds the user with their starting categories (saved by the caller's SaveChanges). The first account on
    /// an empty database becomes the admin.
    /// </summary>
    public static async Task AddAsync(OutlayDbContext db, User user, IEnumerable<DefaultCategory> categories, CancellationToken cancellationToken)
    {
        user.Role = await db.Users.AnyAsync(cancellationToken) ? Roles.User : Roles.Admin;
        db.Users.Add(user);
        db.Categories.AddRange(categories.Select(c => c.CreateFor(user.Id)));
    }
}
