using System.ComponentModel.DataAnnotations;

namespace Outlay.Api.Infrastructure;

/// <summary>Top-level static settings (section <c>Outlay</c>).</summary>
public sealed class OutlayOptions
{
    public const string SectionName = "Outlay";

    /// <summary>Folder for the SQLite database, generated keys and other local state, relative to the working directory.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    /// <summary>Largest request body accepted by default, in bytes (endpoints such as CSV import raise it).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public string ResolveDataPath() => Path.GetFullPath(DataPath, Environment.CurrentDirectory);

    /// <summary>
    /// Creates a folder of private data (the data folder, its key folder) that only this user can enter (0700); a
    /// folder that exists already keeps the permissions its owner gave it.
    /// </summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
