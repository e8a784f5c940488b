using System.Diagnostics;
using System.Text;

namespace A2A.Packaging.Tests;

/// <summary>
/// Packs both packages once per test run into a temporary local feed, with a version of their own so that no cached
/// copy can stand in, and gives each consumer a NuGet.config that sees only that feed and a package folder of its own.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["Lifeline.A2A", "Lifeline.A2A.AspNetCore"];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "a2a-package-test-" + Guid.NewGuid().ToString("n")[..8]);

    public string Version { get; } = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(Root, "feed");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        string repo = RepositoryRoot();
        foreach (string project in new[] { "src/A2A.Runtime/A2A.Runtime.csproj", "src/A2A.AspNetCore/A2A.AspNetCore.csproj" })
        {
            (int exit, string output) = await RunAsync(repo, "dotnet", $"pack \"{Path.Combine(repo, project)}\" -c Release -o \"{Feed}\" -p:Version={Version} -nologo");
            Assert.True(exit == 0, $"dotnet pack {project} failed:\n{output}");
        }

        // Keep the repository's build settings out of the consumers' way.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned up eventually.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A new folder under the feed's root with a NuGet.config that sees the packed feed and a package folder of its
    /// own, as a user's project sees nuget.org and a local feed: the machine's package sources stay (for the packages'
    /// dependencies, such as Stateless, and the SDK's own packages, such as the ILLink and ILCompiler packs that
    /// trimming and AOT builds restore), and packages already in the machine's package folder are used from there.
    /// Our packages still come from the feed, the only source that has their test version.
    /// </summary>
    public string NewConsumerFolder(string name)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <fallbackPackageFolders><add key="machine" value="{machinePackages}" /></fallbackPackageFolders>
            </configuration>
            """);
        return folder;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, string file, string arguments, TimeSpan? timeout = null)
    {
        using Process process = Start(directory, file, arguments, out StringBuilder output);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {arguments}' did not finish in time:\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public static Process Start(string directory, string file, string arguments, out StringBuilder output)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = log;
        return process;
    }

    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "A2A.Toolkit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The packaging tests must run inside the repository.");
    }
}

/// <summary>Every packaging test shares one packed feed: packing is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
