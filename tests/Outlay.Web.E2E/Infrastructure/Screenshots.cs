namespace Outlay.Web.E2E.Infrastructure;

/// <summary>
/// Full-page screenshots of the main pages, saved under test-results/screenshots at the repository
/// root (git-ignored) so a reviewer can look at the app without running it.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Outlay.slnx")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    /// <summary>Waits briefly for the page's loading indicators to go, then saves the whole page.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        try
        {
            await Expect(page.Locator(".loading")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // Still loading: a picture of the spinner beats failing a test over a screenshot.
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder.Value, $"{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
