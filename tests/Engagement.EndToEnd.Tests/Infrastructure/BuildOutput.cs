using System.Reflection;

namespace Engagement.EndToEnd;

/// <summary>Where the solution's own programs were built, in the same configuration as these tests.</summary>
public static class BuildOutput
{
    /// <summary>e.g. <c>Of("silo/Engagement.Silo")</c> → …/silo/Engagement.Silo/bin/Debug/net10.0/Engagement.Silo.dll</summary>
    public static string Of(string projectDirectory)
    {
        var configuration = typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engagement.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("Engagement.sln not found above the test binaries.");
        var path = Path.Combine(root, projectDirectory, "bin", configuration, "net10.0", Path.GetFileName(projectDirectory) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first (dotnet build).", path);
    }
}
