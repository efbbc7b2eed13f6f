using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Outlay.Web.E2E.Infrastructure;

/// <summary>
/// The real, built server (Outlay.Api.dll with its wwwroot, copied next to the tests) running as a
/// child process on a free loopback port with a fresh SQLite data folder. Plain http to 127.0.0.1
/// is enough: Chromium keeps the Secure refresh cookie of a loopback origin.
/// </summary>
public sealed class OutlayServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string runPath;

    private OutlayServer(Process process, Uri baseAddress, string runPath)
    {
        this.process = process;
        this.runPath = runPath;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the server has written so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the server with its clock starting at <paramref name="now"/> (<c>Outlay:Clock:StartsAt</c>); the account
    /// that signs up with <paramref name="adminEmail"/> becomes its admin (<c>Outlay:Admin:BootstrapEmail</c>).
    /// </summary>
    public static async Task<OutlayServer> StartAsync(DateTimeOffset now, string adminEmail)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Outlay.Api.dll");
        var indexHtml = Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html");
        if (!File.Exists(serverDll) || !File.Exists(indexHtml))
        {
            throw new InvalidOperationException(
                $"The built server and web app must sit next to the tests ({serverDll}, {indexHtml}). Build the test project first.");
        }

        // The data folder and, beside it as an operator would keep them, the keys' secrets.
        var runPath = Path.Combine(Path.GetTempPath(), "outlay-e2e", Guid.NewGuid().ToString("N")[..12]);
        var dataPath = Path.Combine(runPath, "data");
        Directory.CreateDirectory(dataPath);
        var baseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort()}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Outlay__DataPath"] = dataPath;
        // Production needs its keys configured, as an operator would: a token signing key and the certificate that
        // encrypts the Data Protection keys in the database.
        start.Environment["Outlay__Jwt__SigningKeys__0__Pem"] = NewSigningKeyPem();
        var (certificate, key) = WriteKeyEncryptionCertificate(Path.Combine(runPath, "secrets"));
        start.Environment["Outlay__DataProtection__CertificatePath"] = certificate;
        start.Environment["Outlay__DataProtection__KeyPath"] = key;
        start.Environment["Outlay__Clock__StartsAt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Outlay__Admin__BootstrapEmail"] = adminEmail;
        // The suite signs up many users from one address: a cheap hash and generous limits, as an operator would set them.
        start.Environment["Outlay__Auth__BcryptCost"] = "4";
        foreach (var limit in new[] { "SignupPerMinute", "LoginPerMinute", "LoginPerAccountPerMinute", "RefreshPerMinute", "TokenPerMinute" })
        {
            start.Environment[$"Outlay__Auth__RateLimits__{limit}"] = "100000";
        }

        var process = new Process { StartInfo = start };
        var server = new OutlayServer(process, baseAddress, runPath);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still migrating the new database on a busy machine.
            }

            if (deadline.Elapsed > StartupTimeout)
            {
                throw new TimeoutException($"The server was not ready within {StartupTimeout.TotalSeconds} s:\n{Output}");
            }

            // Polling a process we don't control has nothing to wait on; the pause only spaces out the probes.
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>Keeps what the server wrote (warnings and errors) under <c>OUTLAY_TEST_LOGS</c>, which scripts/test.sh sets.</summary>
    private void SaveOutput()
    {
        if (Environment.GetEnvironmentVariable("OUTLAY_TEST_LOGS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"server-{BaseAddress.Port}.log"), Output);
    }

    private static string NewSigningKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static (string Certificate, string Key) WriteKeyEncryptionCertificate(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Outlay browser tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (certificatePath, keyPath) = (Path.Combine(folder, "data-protection.crt"), Path.Combine(folder, "data-protection.key"));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exited.Token);
        }

        process.Dispose();
        SaveOutput();
        try
        {
            Directory.Delete(runPath, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned up by the OS anyway.
        }
    }
}
