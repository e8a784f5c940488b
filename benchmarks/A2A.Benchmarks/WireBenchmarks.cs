using System.Diagnostics;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using A2A.Storage.Sqlite;
using A2A.Storage.PostgreSql;

namespace A2A.Benchmarks;

/// <summary>
/// SendMessage round trips on loopback for a trivial agent: our ASP.NET Core server against the official JavaScript
/// SDK's Express server running the same agent, each in its own process, under the same client load (the same
/// request bytes over <see cref="Concurrency"/> keep-alive connections, <see cref="RequestsPerOperation"/> per
/// operation, from a minimal socket client so the client's own cost stays small on a 2-core machine).
/// Requests per second = RequestsPerOperation / the operation's time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class WireBenchmarks
{
    public const int RequestsPerOperation = 2000;

    private Process? _ours;
    private Process? _theirs;
    private HttpClient _http = null!;
    private Uri _oursUrl = null!;
    private Uri _theirsUrl = null!;

    [Params(16)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string js = FindJsFolder();
        if (!File.Exists(Path.Combine(js, "node_modules", "@a2a-js", "sdk", "package.json")))
        {
            Run("npm", "ci --no-audit --no-fund", js);
        }

        string self = typeof(WireBenchmarks).Assembly.Location;
        (_ours, _oursUrl) = StartServer("dotnet", $"\"{self}\" serve-trivial", AppContext.BaseDirectory, "a2a");
        (_theirs, _theirsUrl) = StartServer("node", "trivial-server.mjs", js, "a2a");
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        // Both answer the same request with a completed task before anything is measured.
        foreach (Uri url in new[] { _oursUrl, _theirsUrl })
        {
            string answer = SendAsync(url, 0).GetAwaiter().GetResult();
            if (!answer.Contains("TASK_STATE_COMPLETED", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url} did not complete the task: {answer}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        foreach (Process? process in new[] { _ours, _theirs })
        {
            process?.Kill(entireProcessTree: true);
            process?.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public Task JavaScriptSdkServer() => LoadAsync(_theirsUrl);

    [Benchmark]
    public Task A2AToolkitServer() => LoadAsync(_oursUrl);

    // Concurrency keep-alive connections, each on its own thread sending one request after another over a blocking
    // socket: a client as light as wrk's, so that on a 2-core machine the servers, not the client, are measured
    // (both servers get the same bytes).
    private Task LoadAsync(Uri url)
    {
        int next = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        Thread[] threads = Enumerable.Range(0, Concurrency).Select(_ => new Thread(() =>
        {
            try
            {
                using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                socket.Connect(IPAddress.Loopback, url.Port);
                var buffer = new byte[64 * 1024];
                while (Interlocked.Increment(ref next) is var n && n <= RequestsPerOperation)
                {
                    socket.Send(RawRequest(url, n));
                    ReadResponse(socket, buffer, url);
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return failures.TryDequeue(out Exception? failure) ? Task.FromException(failure) : Task.CompletedTask;
    }

    // Setup only: one request through HttpClient, to check each server really completes the task.
    private async Task<string> SendAsync(Uri url, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(RawRequest(url, n)[^RawBody(n).Length..]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("A2A-Version", "1.0");
        using HttpResponseMessage response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static string RawBody(int n) =>
        "{\"jsonrpc\":\"2.0\",\"method\":\"SendMessage\",\"params\":{\"message\":{\"messageId\":\"m-" + n + "-" + Environment.ProcessId +
        "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hello\"}]}},\"id\":" + n + "}";

    private static byte[] RawRequest(Uri url, int n)
    {
        string body = RawBody(n);
        return Encoding.ASCII.GetBytes(
            $"POST {url.AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nContent-Type: application/json\r\nA2A-Version: 1.0\r\nContent-Length: {body.Length}\r\n\r\n{body}");
    }

    // Reads one HTTP/1.1 response with a Content-Length body (both servers send one) and checks its status line.
    private static void ReadResponse(System.Net.Sockets.Socket socket, byte[] buffer, Uri url)
    {
        int filled = 0;
        while (true)
        {
            int read = socket.Receive(buffer, filled, buffer.Length - filled, System.Net.Sockets.SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException($"{url} closed the connection.");
            }

            filled += read;
            int headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                continue;
            }

            ReadOnlySpan<byte> headers = buffer.AsSpan(0, headerEnd);
            if (!headers.StartsWith("HTTP/1.1 200"u8))
            {
                throw new InvalidOperationException($"{url} answered: {Encoding.ASCII.GetString(headers)}");
            }

            int at = IndexOfIgnoreCase(headers, "content-length:"u8);
            ReadOnlySpan<byte> rest = headers[(at + 15)..];
            int end = rest.IndexOf((byte)'\r');
            int length = int.Parse(Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            int total = headerEnd + 4 + length;
            while (filled < total)
            {
                int more = socket.Receive(buffer, filled, buffer.Length - filled, System.Net.Sockets.SocketFlags.None);
                if (more == 0)
                {
                    throw new InvalidOperationException($"{url} closed the connection mid-response.");
                }

                filled += more;
            }

            return;
        }
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCaseValue)
    {
        for (int i = 0; i + lowerCaseValue.Length <= text.Length; i++)
        {
            int j = 0;
            while (j < lowerCaseValue.Length && (text[i + j] | 0x20) == lowerCaseValue[j])
            {
                j++;
            }

            if (j == lowerCaseValue.Length)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The response has no Content-Length.");
    }

    /// <summary>Serves <see cref="TrivialAgent"/> on 127.0.0.1 (a free port) until stdin closes; prints "listening PORT".</summary>
    public static async Task ServeTrivialAsync(string store = "memory", string? connectionString = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddTrivialAgent();
        switch (store)
        {
            case "sqlite-full":
            case "sqlite-normal":
                builder.Services.AddSqliteTaskStore(connectionString ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"a2a-bench-{Guid.NewGuid():N}.db")}",
                    o => o with { Durability = store == "sqlite-full" ? A2A.Storage.Sqlite.SqliteDurability.Full : A2A.Storage.Sqlite.SqliteDurability.Normal });
                break;
            case "postgres":
                builder.Services.AddPostgreSqlTaskStore(connectionString!);
                break;
        }

        await using WebApplication app = builder.Build();
        app.MapTrivialAgent("/a2a");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"listening {new Uri(address).Port}");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    private static (Process Process, Uri Url) StartServer(string file, string arguments, string directory, string path)
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

    private static void Run(string file, string arguments, string directory)
    {
        using Process process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed in {directory} (exit {process.ExitCode}).");
        }
    }

    // The benchmark runs from BenchmarkDotNet's build folder under this project; the peer lives in its js folder.
    private static string FindJsFolder()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "js", "trivial-server.mjs");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new InvalidOperationException("benchmarks/A2A.Benchmarks/js not found above " + AppContext.BaseDirectory);
    }
}
