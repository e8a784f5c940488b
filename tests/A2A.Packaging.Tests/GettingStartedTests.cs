using System.IO.Compression;
using System.Text.RegularExpressions;

namespace A2A.Packaging.Tests;

/// <summary>
/// docs/getting-started.md, done as a reader does it, from the packed feed: the setup commands it lists run as
/// written, every file it shows is written as shown, the three projects build, the server runs both agents (a
/// referenced contract and a partial class), and the client prints the guide's output. So the guide cannot rot.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class GettingStartedTests(PackedFeed feed)
{
    private static readonly string GuidePath = Path.Combine(PackedFeed.RepositoryRoot(), "docs", "getting-started.md");

    [Fact]
    public async Task The_guide_builds_and_runs_as_written()
    {
        string guide = File.ReadAllText(GuidePath);
        string root = feed.NewConsumerFolder("guide"); // stands for "Trips", with a NuGet.config that sees the packed feed

        // 1. The setup block, line by line. Creating the folder and the NuGet source is the feed fixture's job here
        //    (the guide's ~/lifeline-feed is the packed feed).
        string[] setup = Blocks(guide)["setup"].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("dotnet new web -n Trips.Server", setup);
        foreach (string line in setup.Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal) && !l.StartsWith("dotnet new nugetconfig", StringComparison.Ordinal) && !l.StartsWith("dotnet nuget add source", StringComparison.Ordinal)))
        {
            (int exit, string output) = await PackedFeed.RunAsync(root, "dotnet", line["dotnet ".Length..]);
            Assert.True(exit == 0, $"'{line}' failed:\n{output}");
        }

        // The guide asks for a pre-release of our packages: that is what was added.
        Assert.Contains($"Include=\"Lifeline.A2A.AspNetCore\" Version=\"{feed.Version}\"", File.ReadAllText(Path.Combine(root, "Trips.Server", "Trips.Server.csproj")), StringComparison.Ordinal);

        // 2. Every file as shown ("Delete Trips.Contracts/Class1.cs").
        File.Delete(Path.Combine(root, "Trips.Contracts", "Class1.cs"));
        foreach ((string file, string code) in Blocks(guide).Where(b => b.Key.EndsWith(".cs", StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(root, file), code);
        }

        // 3. It builds as a native AOT build (the trimming and AOT analyzers on) with no warning from generated code.
        //    The guide's contract has no JsonSerializerContext, so its typed artifact members use reflection and say
        //    so where the handler calls them: those are the only warnings.
        (int built, string buildOutput) = await PackedFeed.RunAsync(root, "dotnet", "build Trips.Server -nologo -p:UseSharedCompilation=false -p:PublishAot=true");
        Assert.True(built == 0, $"the guide's server does not build for native AOT:\n{buildOutput}");
        Assert.DoesNotMatch(WarningInGeneratedCode(), buildOutput);
        string[] aotWarnings = buildOutput.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.All(aotWarnings, w => Assert.Matches(@"TripPlannerHandler\.cs\(\d+,\d+\): warning IL(2026|3050): .*AddItineraryAsync.*Reflection-based JSON", w));

        // And as an ordinary build with no warning at all.
        (built, buildOutput) = await PackedFeed.RunAsync(root, "dotnet", "build Trips.Server -nologo -p:UseSharedCompilation=false");
        Assert.True(built == 0, $"the guide's server does not build:\n{buildOutput}");
        Assert.DoesNotMatch(WarningInGeneratedCode(), buildOutput);
        Assert.True(buildOutput.Contains(" 0 Warning(s)", StringComparison.Ordinal), buildOutput);
        (built, buildOutput) = await PackedFeed.RunAsync(root, "dotnet", "build Trips.Client -nologo -p:UseSharedCompilation=false");
        Assert.True(built == 0, $"the guide's client does not build:\n{buildOutput}");

        // 4. Run the server (on a free port instead of 5000), then the client against it.
        int port = FreePort();
        string serverDll = Path.Combine(root, "Trips.Server", "bin", "Debug", "net10.0", "Trips.Server.dll");
        using System.Diagnostics.Process server = PackedFeed.Start(root, "dotnet", $"\"{serverDll}\" --urls http://127.0.0.1:{port}", out System.Text.StringBuilder serverLog);
        try
        {
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilServingAsync(http, new Uri(baseUrl, "trips/.well-known/agent-card.json"), server, serverLog);

            // Both agents side by side, each card under its own route; the root lists them.
            Assert.Contains("\"name\":\"Greeter\"", await http.GetStringAsync(new Uri(baseUrl, "greeter/.well-known/agent-card.json")), StringComparison.Ordinal);
            using HttpResponseMessage rootCard = await http.GetAsync(new Uri(baseUrl, ".well-known/agent-card.json"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, rootCard.StatusCode);

            string clientDll = Path.Combine(root, "Trips.Client", "bin", "Debug", "net10.0", "Trips.Client.dll");
            (int ran, string clientOutput) = await PackedFeed.RunAsync(root, "dotnet", $"\"{clientDll}\" {baseUrl}", TimeSpan.FromMinutes(1));
            Assert.True(ran == 0, $"the guide's client failed:\n{clientOutput}\nserver:\n{serverLog}");

            // The output the guide shows, but for the port.
            string expected = Blocks(guide, "```text")[""].Replace("5000", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(expected.ReplaceLineEndings().Trim(), clientOutput.ReplaceLineEndings().Trim());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public void Package_ids_assemblies_and_readme_stay_clear_of_the_official_sdk()
    {
        string[] packages = Directory.GetFiles(feed.Feed, "*.nupkg").Select(Path.GetFileName).ToArray()!;
        Assert.Equal(PackedFeed.PackageIds.Select(id => $"{id}.{feed.Version}.nupkg").Order(), packages.Order());
        foreach (string package in packages)
        {
            Assert.False(package.StartsWith("A2A.", StringComparison.OrdinalIgnoreCase), package);
            using ZipArchive zip = ZipFile.OpenRead(Path.Combine(feed.Feed, package));

            // The official SDK's assemblies are A2A.dll and A2A.AspNetCore.dll: both may live in one application.
            string[] assemblies = zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).Select(e => e.Name).ToArray();
            Assert.NotEmpty(assemblies);
            Assert.DoesNotContain("A2A.dll", assemblies);
            Assert.DoesNotContain("A2A.AspNetCore.dll", assemblies);

            // A gallery shows the README outside the repository: every link is absolute.
            using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
            string text = readme.ReadToEnd();
            Assert.Empty(RelativeLink().Matches(text).Select(m => m.Value));
            Assert.Contains("](https://", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The fenced blocks that follow a <c>&lt;!-- getting-started: name --&gt;</c> marker, by name.</summary>
    private static Dictionary<string, string> Blocks(string markdown, string? fence = null)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fence is not null)
        {
            // An unmarked block by its fence, for the expected output.
            int start = markdown.IndexOf(fence + "\n", StringComparison.Ordinal) + fence.Length + 1;
            blocks[""] = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
            return blocks;
        }

        foreach (Match match in MarkedBlock().Matches(markdown.ReplaceLineEndings("\n")))
        {
            blocks.Add(match.Groups["name"].Value, match.Groups["code"].Value);
        }

        return blocks;
    }

    private static async Task WaitUntilServingAsync(HttpClient http, Uri card, System.Diagnostics.Process server, System.Text.StringBuilder log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            Assert.False(server.HasExited, $"the guide's server exited:\n{log}");
            try
            {
                using HttpResponseMessage response = await http.GetAsync(card);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"the guide's server did not answer within a minute:\n{log}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"<!-- getting-started: (?<name>[^ ]+) -->\n```[a-z]+\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex(@"[\\/]A2A\.Generators[\\/].*warning|\.g\.cs\(\d+,\d+\): warning")]
    private static partial Regex WarningInGeneratedCode();

    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)[^)]+\)")]
    private static partial Regex RelativeLink();
}
