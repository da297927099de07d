using System.Reflection;

namespace Engagement.EndToEnd;

/// <summary>Where the solution's own programs were built, in the same configuration as these tests.</summary>
public static class BuildOutput
{
    /// <summary>e.g. <c>Of("silo/Engagement.Silo")</c> → …/silo/Engagement.Silo/bin/Debug/net10.0/Engagement.Silo.dll</summary>
    public static string Of(string projectDirectory)
    {
        var path = Path.Combine(RepositoryRoot, projectDirectory, "bin", Configuration, "net10.0", Path.GetFileName(projectDirectory) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first (dotnet build).", path);
    }

    /// <summary>The build configuration of these tests (Debug or Release).</summary>
    public static string Configuration =>
        typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The directory holding Engagement.sln (README.md, docs/, silo/ …).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engagement.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Engagement.sln not found above the test binaries.");
        }
    }
}
