using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Names the test class on the current call stack (<c>Sms.SmsDuplicateTests</c>). xUnit 2 tells a class
/// fixture nothing about the class it serves, but the fixture's server is first started from inside one of
/// that class's tests, so the stack knows.
/// </summary>
public static class TestClassName
{
    private const string RootNamespace = "Outlay.Api.IntegrationTests.";

    public static string? FromCallers()
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            // An async test runs in a compiler-generated state machine nested in the test class.
            while (type is { IsNested: true } && type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                type = type.DeclaringType;
            }

            if (type is not null && type.Assembly == typeof(TestClassName).Assembly && HasTests(type))
            {
                var name = type.FullName!.Replace('+', '.');
                return name.StartsWith(RootNamespace, StringComparison.Ordinal) ? name[RootNamespace.Length..] : name;
            }
        }

        return null;
    }

    private static bool HasTests(Type type) =>
        type.GetMethods().Any(method => method.IsDefined(typeof(FactAttribute), inherit: true));
}
