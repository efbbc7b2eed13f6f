using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Outlay.Api.Auth.External;

public static class StartExternalSignIn
{
    public static Results<ChallengeHttpResult, ProblemHttpResult> Handle(string provider, ExternalProviders providers)
    {
        if (!providers.TryFind(provider, out var name))
        {
            return CompleteExternalSignIn.UnknownProvider();
        }

        var properties = new AuthenticationProperties { RedirectUri = $"{ExternalAuthSetup.BasePath}/{name}/complete" };
        return TypedResults.Challenge(properties, [ExternalProviders.SchemeFor(name)]);
    }
}
