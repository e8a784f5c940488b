using System.Collections.Concurrent;
using System.Diagnostics;
using A2A.Client;

namespace A2A.Storage.Tests.ScaleOut;

/// <summary>
/// One A2A.TestServer process: a real server instance over a shared store, started and (when a test says so) killed
/// with SIGKILL. Its output lines are kept, so a test can wait for what the agent printed.
/// </summary>
internal sealed class TestServerProcess : IAsyncDisposable
{
    // A hang detector for waits that must end, not a timing assert.
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _newLine = new(0);

    private TestServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public Uri Endpoint { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Hang };

    public A2AClient Client => new(Http, Endpoint);

    /// <summary>Starts an instance named <paramref name="name"/> and waits until it accepts requests.</summary>
    public static async Task<TestServerProcess> StartAsync(string name, string store, string connectionString, double leaseSeconds = 2)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { BuiltTool.PathOf("A2A.TestServer"), name, store, connectionString, leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new TestServerProcess(Process.Start(start)!, name);
        server._process.OutputDataReceived += (_, e) => server.Collect(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Collect(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        string listening = await server.WaitForLineAsync(line => line.StartsWith("listening ", StringComparison.Ordinal));
        server.Endpoint = new Uri(new Uri(listening["listening ".Length..]), "a2a");
        return server;
    }

    /// <summary>Waits until the process printed a line that <paramref name="match"/> accepts, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(Hang);
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            try
            {
                await _newLine.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{Name} never printed the expected line. Output:\n{Output}");
            }
        }
    }

    public string Output => string.Join('\n', _lines);

    /// <summary>SIGKILL: no shutdown, no lease released, connections cut.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
            _newLine.Release();
        }
    }
}
