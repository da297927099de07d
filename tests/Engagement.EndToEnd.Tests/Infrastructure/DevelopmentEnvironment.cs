using System.Runtime.CompilerServices;

namespace Engagement.EndToEnd;

/// <summary>
/// Nodes started by the tests (in-process, and the processes they launch, which inherit it) run in the Development
/// environment, as <c>dotnet run</c> does: development signing is refused anywhere else. Tests of that refusal set
/// the environment of their own process.
/// </summary>
internal static class DevelopmentEnvironment
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The tests' nodes must start in Development before any test runs.")]
    internal static void Set() => Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Development");
}
