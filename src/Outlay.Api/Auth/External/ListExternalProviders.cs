using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Auth.External;

public sealed record ExternalProviderResponse(string Name, string DisplayName);

public static class ListExternalProviders
{
    public static Ok<IReadOnlyList<ExternalProviderResponse>> Handle(ExternalProviders providers) =>
        TypedResults.Ok<IReadOnlyList<ExternalProviderResponse>>(
            [.. providers.Names.Select(name => new ExternalProviderResponse(name, providers.DisplayNameOf(name)))]);
}
