using System.Diagnostics;

namespace A2A.Benchmarks;

/// <summary>The server processes the wire and server benchmarks measure: started, probed through their "listening PORT" line, killed.</summary>
internal static class ServerProcesses
{
    /// <summary>Runs this benchmark assembly in one of its server modes (see Program.cs) and returns its endpoint under <paramref name="path"/>.</summary>
    public static (Process Process, Uri Url) StartOurs(string arguments, string path) =>
        Start("dotnet", $"\"{typeof(ServerProcesses).Assembly.Location}\" {arguments}", AppContext.BaseDirectory, path);

    /// <summary>Starts a server that prints "listening PORT" once it accepts requests on 127.0.0.1.</summary>
    public static (Process Process, Uri Url) Start(string file, string arguments, string directory, string path)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("listening ", StringComparison.Ordinal))
        {
        }

        if (line is null)
        {
            throw new InvalidOperationException($"{file} {arguments} exited before listening: {process.StandardError.ReadToEnd()}");
        }

        return (process, new Uri($"http://127.0.0.1:{line["listening ".Length..]}/{path}"));
    }

    public static void Stop(params Process?[] processes)
    {
        foreach (Process? process in processes)
        {
            process?.Kill(entireProcessTree: true);
            process?.Dispose();
        }
    }

    /// <summary>The JavaScript peer's folder, its packages installed (npm ci) on first use.</summary>
    public static string JsFolder()
    {
        // The benchmark runs from BenchmarkDotNet's build folder under this project; the peer lives in its js folder.
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "js", "trivial-server.mjs");
            if (File.Exists(candidate))
            {
                string js = Path.GetDirectoryName(candidate)!;
                if (!File.Exists(Path.Combine(js, "node_modules", "@a2a-js", "sdk", "package.json")))
                {
                    using Process npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = js, UseShellExecute = false })!;
                    npm.WaitForExit();
                    if (npm.ExitCode != 0)
                    {
                        throw new InvalidOperationException($"npm ci failed in {js} (exit {npm.ExitCode}).");
                    }
                }

                return js;
            }
        }

        throw new InvalidOperationException("benchmarks/A2A.Benchmarks/js not found above " + AppContext.BaseDirectory);
    }
}
