namespace Outlay.Api.Categories.AutoCategorisation;

internal static class EmbeddedDataFile
{
    public static Stream Open(string fileName)
    {
        var assembly = typeof(EmbeddedDataFile).Assembly;
        var resourceName = $"{typeof(EmbeddedDataFile).Namespace}.{fileName}";
        return assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{resourceName}' is missing; the project must embed {fileName} with that LogicalName.");
    }
}
