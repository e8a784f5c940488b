using System.Diagnostics;
using System.Text;

namespace A2A.AspNetCore.Tests.Interop;

/// <summary>
/// The official A2A JavaScript SDK (@a2a-js/sdk 1.3.0, pinned by the committed package-lock.json) as a separate
/// Node.js process: installed once per test run with <c>npm ci</c> next to the test binaries, then started as a
/// server or run as a client. Node.js and npm must be on the PATH; without them these tests fail with that message.
/// </summary>
internal static class NodePeer
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Interop", "js");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed || File.Exists(Path.Combine(Directory, "node_modules", "@a2a-js", "sdk", "package.json")))
            {
                _installed = true;
                return;
            }

            (int exit, string output) = await RunAsync("npm", "ci --no-audit --no-fund", TimeSpan.FromMinutes(5));
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory} failed (exit {exit}); the interop tests need Node.js 20+ and the npm registry:\n{output}");
            }

            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a command in the peer's directory and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, TimeSpan timeout)
    {
        using Process process = Start(file, arguments);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {arguments}' did not finish in {timeout}:\n{output}");
        }

        return (process.ExitCode, output.ToString());
    }

    /// <summary>Starts a long-running Node.js process (the caller reads its output and kills it).</summary>
    public static Process Start(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{file}'.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{file}' is not on the PATH; the interop tests need Node.js 20+ and npm.", ex);
        }
    }
}
