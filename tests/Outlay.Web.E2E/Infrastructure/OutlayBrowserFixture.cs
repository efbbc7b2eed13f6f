using System.Net.Http.Json;

namespace Outlay.Web.E2E.Infrastructure;

/// <summary>
/// One real server (fresh database) and one headless Chromium per test class. The server makes the
/// fixture's admin account the admin (its bootstrap email), and the fixture signs it up before any
/// test runs; every account a test creates is an ordinary user. Each test opens its own browser contexts
/// (separate cookie jars, like separate people), which are closed with the fixture.
/// </summary>
public sealed class OutlayBrowserFixture : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private OutlayServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    // Playwright's expect timeout is process-wide: set once for the assembly, not by every class that starts.
    // A cold first page load on a 2-core machine can take a few seconds; the default 5 s is tight.
    static OutlayBrowserFixture() => SetDefaultExpectTimeout(10_000);

    /// <summary>
    /// "Now" for the server and the browser alike: mid-day mid-month, so no test meets a midnight or a month's end,
    /// and years ahead, so the browser's real clock never sees the refresh cookie (stamped on this clock) as expired.
    /// The server's clock runs on from here; the browser's stays at it.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2036, 3, 18, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The day of <see cref="Now"/> as the date inputs and the API write it.</summary>
    public static string Today => Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Account Admin { get; } = Account.New("Ada Admin");

    public Uri BaseAddress => Server.BaseAddress;

    private OutlayServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var starting = OutlayServer.StartAsync(Now, Admin.Email);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keep it from reaching for a closed network.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        server = await starting;

        var role = await RegisterAsync(Admin);
        if (role != "admin")
        {
            throw new InvalidOperationException($"The account with the bootstrap email should be the admin, not '{role}'.\n{Server.Output}");
        }
    }

    /// <summary>Signs an account up over plain HTTP, outside any browser; returns its role.</summary>
    public async Task<string> RegisterAsync(Account account)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/signup", account.SignUpBody);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-up of {account.Email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var auth = await response.Content.ReadFromJsonAsync<SignUpAnswer>();
        return auth!.User.Role;
    }

    private sealed record SignUpAnswer(SignUpAnswerUser User);

    private sealed record SignUpAnswerUser(string Role);

    /// <summary>A page in a new, empty browser context: a different person on a different device.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, bool isMobile = false)
    {
        var browserContext = await (browser ?? throw new InvalidOperationException("The fixture has not started.")).NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "en-US",
            TimezoneId = "UTC",
            AcceptDownloads = true,
        });
        browserContext.SetDefaultTimeout(15_000);
        await browserContext.Clock.SetFixedTimeAsync(Now.UtcDateTime);
        lock (contexts)
        {
            contexts.Add(browserContext);
        }

        return await browserContext.NewPageAsync();
    }

    /// <summary>
    /// Signs an account up through the API from inside the browser context, so the browser holds the
    /// refresh cookie exactly as after a sign-up in the UI. For tests whose subject is something else.
    /// </summary>
    public static async Task<string> SignUpInBackgroundAsync(IPage page, Account account)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/v1/auth/signup", new() { DataObject = account.SignUpBody });
        if (response.Status != 201)
        {
            throw new InvalidOperationException($"Sign-up of {account.Email} failed: {response.Status} {await response.TextAsync()}");
        }

        // The access token, for arranging data through the API as another client of the same person would.
        return (await response.JsonAsync())!.Value.GetProperty("accessToken").GetString()!;
    }

    public async Task DisposeAsync()
    {
        foreach (var browserContext in contexts)
        {
            await browserContext.CloseAsync();
        }

        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
