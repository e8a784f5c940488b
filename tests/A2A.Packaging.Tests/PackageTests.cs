using System.Text.RegularExpressions;

namespace A2A.Packaging.Tests;

/// <summary>
/// What a user gets from <c>dotnet add package</c>: the packages are packed into a temporary local feed (with a
/// version of their own, so no cached copy can stand in), a fresh project outside the repository references them
/// with PackageReference only, and <c>dotnet build</c> must generate and compile the typed API and report the
/// lifecycle diagnostics with file and line, honoring .editorconfig and #pragma.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class PackageTests(PackedFeed feed) : IAsyncLifetime
{
    private string Consumer { get; set; } = "";

    public async Task InitializeAsync()
    {
        Consumer = feed.NewConsumerFolder("consumer");
        File.WriteAllText(Path.Combine(Consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Lifeline.A2A" Version="{feed.Version}" />
                <PackageReference Include="Lifeline.A2A.AspNetCore" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);

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

                // The lifecycle as a Stateless machine: Stateless arrives as a dependency of the package.
                public static bool CanComplete() =>
                    EchoAgentLifecycle.Lifecycle.CreateStateMachine(A2A.Protocol.TaskState.Working).CanFire(TaskTrigger.Complete);
            }
            """);
        (int restore, string restoreOutput) = await RunAsync(Consumer, "dotnet", "restore -nologo");
        Assert.True(restore == 0, $"restore of the consumer failed:\n{restoreOutput}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_runtime_package_declares_its_Stateless_dependency()
    {
        string package = Directory.GetFiles(feed.Feed, $"Lifeline.A2A.{feed.Version}.nupkg").Single();
        using System.IO.Compression.ZipArchive archive = System.IO.Compression.ZipFile.OpenRead(package);
        using var reader = new StreamReader(archive.GetEntry("Lifeline.A2A.nuspec")!.Open());
        string nuspec = reader.ReadToEnd();
        Assert.Matches(@"<dependency id=""Stateless"" version=""5\.20\.1""", nuspec);
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

        // 4. Declaration mistakes: the build reports the A2A rule with file and line, not "type not found" (the
        //    generator still emits the types the code names, so the compiler gets to run the analyzers).
        File.WriteAllText(Path.Combine(Consumer, "Mistakes.cs"), """
            using A2A.Agents;

            namespace Consumer.Mistakes;

            [A2AAgent("Forgetful")]
            public class Forgetful
            {
                public Task ExecuteAsync(ForgetfulContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }

            public partial class Outer
            {
                [A2AAgent("Inner")]
                public partial class Inner
                {
                    public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
                }
            }

            [A2AAgent("Joined")]
            public partial class OuterInner
            {
                public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }

            public static class Hosting
            {
                public static void Serve(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapForgetfulAgent("/forgetful");
            }
            """);
        (exit, output) = await BuildAsync();
        File.Delete(Path.Combine(Consumer, "Mistakes.cs"));
        Assert.NotEqual(0, exit);
        Assert.Matches(@"Mistakes\.cs\(6,14\): error A2A0001: 'Forgetful' is not partial", output);
        Assert.Matches(@"Mistakes\.cs\(14,26\): error A2A0005", output);
        Assert.Matches(@"Mistakes\.cs\(21,22\): error A2A0005", output);
        Assert.DoesNotContain("CS0246", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS1061", output, StringComparison.Ordinal);

        // 5. `dotnet format` applies a code fix's Fix All: two agents without ExecuteAsync get one each.
        string missing = Path.Combine(Consumer, "Missing.cs");
        File.WriteAllText(missing, """
            using A2A.Agents;

            namespace Consumer.Missing;

            [A2AAgent("One")]
            public partial class One
            {
            }

            [A2AAgent("Two")]
            public partial class Two
            {
            }
            """);
        (exit, output) = await RunAsync(Consumer, "dotnet", "format analyzers --no-restore --diagnostics A2A0002 --severity warn");
        string formatted = File.ReadAllText(missing);
        File.Delete(missing);
        Assert.True(exit == 0, $"dotnet format failed:\n{output}");
        Assert.Equal(2, Regex.Matches(formatted, @"public async Task ExecuteAsync\((One|Two)Context context, CancellationToken cancellationToken\)").Count);
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

    private static Task<(int ExitCode, string Output)> RunAsync(string directory, string file, string arguments) => PackedFeed.RunAsync(directory, file, arguments);
}
