using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace A2A.Packaging.Tests;

/// <summary>
/// What a user gets from <c>dotnet add package</c>: the packages are packed into a temporary local feed (with a
/// version of their own, so no cached copy can stand in), a fresh project outside the repository references them
/// with PackageReference only, and <c>dotnet build</c> must generate and compile the typed API and report the
/// lifecycle diagnostics with file and line, honoring .editorconfig and #pragma.
/// </summary>
public sealed partial class PackageTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "a2a-package-test-" + Guid.NewGuid().ToString("n")[..8]);
    private readonly string _version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    private string Feed => Path.Combine(_root, "feed");

    private string Consumer => Path.Combine(_root, "consumer");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        string repo = RepositoryRoot();
        foreach (string project in new[] { "src/A2A.Runtime/A2A.Runtime.csproj", "src/A2A.AspNetCore/A2A.AspNetCore.csproj" })
        {
            (int exit, string output) = await RunAsync(repo, "dotnet", $"pack \"{Path.Combine(repo, project)}\" -c Release -o \"{Feed}\" -p:Version={_version} -nologo");
            Assert.True(exit == 0, $"dotnet pack {project} failed:\n{output}");
        }

        Directory.CreateDirectory(Consumer);
        File.WriteAllText(Path.Combine(Consumer, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_root, "packages")}" />
              </config>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="A2A.Toolkit" Version="{_version}" />
                <PackageReference Include="A2A.AspNetCore" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);

        // Keep the repository's build settings out of the consumer's way.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />");

        File.WriteAllText(Path.Combine(Consumer, "EchoAgent.cs"), """
            using A2A.Agents;
            using A2A.Lifecycle;
            using A2A.Storage;
            using Microsoft.AspNetCore.Builder;

            namespace Consumer;

            [A2AAgent("Echo", OptionalStates = OptionalTaskStates.InputRequired)]
            public partial class EchoAgent
            {
                public async Task ExecuteAsync(EchoAgentContext context, CancellationToken cancellationToken)
                {
                    await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                    await context.Updater.CompleteAsync(context.Text, cancellationToken);
                }
            }

            public static class Usage
            {
                // The generated API: typed manager, card, DI registration and endpoint mapping.
                public static EchoAgentTaskManager Manager() => new(new InMemoryTaskStore());

                public static string CardName() => EchoAgentCard.Create("http://127.0.0.1:5000/a2a").Name;

                public static void Serve(WebApplication app) => app.MapEchoAgent("/a2a");
            }
            """);
        (int restore, string restoreOutput) = await RunAsync(Consumer, "dotnet", "restore -nologo");
        Assert.True(restore == 0, $"restore of the consumer failed:\n{restoreOutput}");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned up eventually.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_packages_bring_the_generator_and_analyzers_into_a_plain_build()
    {
        // 1. The generated API compiles, and a deliberate update after completion is reported with file and line.
        WriteMisuse(pragma: false);
        (int exit, string output) = await BuildAsync();
        Assert.True(exit == 0, $"the consumer does not build:\n{output}");
        Assert.Matches(MisuseWarning(), output);
        Assert.DoesNotContain("CS8032", output, StringComparison.Ordinal); // every analyzer assembly loads

        // 2. .editorconfig raises it to an error: the build fails on it.
        File.WriteAllText(Path.Combine(Consumer, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.A2A1001.severity = error\n");
        (exit, output) = await BuildAsync();
        Assert.NotEqual(0, exit);
        Assert.Matches(MisuseError(), output);
        File.Delete(Path.Combine(Consumer, ".editorconfig"));

        // 3. #pragma suppresses it.
        WriteMisuse(pragma: true);
        (exit, output) = await BuildAsync();
        Assert.True(exit == 0, $"the consumer does not build:\n{output}");
        Assert.DoesNotContain("A2A1001", output, StringComparison.Ordinal);
    }

    private void WriteMisuse(bool pragma) =>
        File.WriteAllText(Path.Combine(Consumer, "Misuse.cs"), $$"""
            namespace Consumer;

            public static class Misuse
            {
                public static async Task RunAsync(EchoAgentTaskUpdater updater)
                {
                    await updater.CompleteAsync();
            {{(pragma ? "#pragma warning disable A2A1001 // deliberate, for the test" : "")}}
                    await updater.StartWorkAsync();
            {{(pragma ? "#pragma warning restore A2A1001" : "")}}
                }
            }
            """);

    // --no-incremental: each step must really compile, and report, again.
    private Task<(int ExitCode, string Output)> BuildAsync() => RunAsync(Consumer, "dotnet", "build --no-restore --no-incremental -nologo -p:UseSharedCompilation=false");

    [GeneratedRegex(@"Misuse\.cs\(9,\d+\): warning A2A1001")]
    private static partial Regex MisuseWarning();

    [GeneratedRegex(@"Misuse\.cs\(9,\d+\): error A2A1001")]
    private static partial Regex MisuseError();

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string file, string arguments)
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
        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output.ToString());
    }

    private static string RepositoryRoot()
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
