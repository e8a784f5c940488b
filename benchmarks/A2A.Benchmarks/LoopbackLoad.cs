using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace A2A.Benchmarks;

/// <summary>
/// The benchmarks' HTTP client: a fixed number of keep-alive connections, each on its own thread sending one request
/// after another over a blocking socket, as light as wrk's, so that on a 2-core machine the servers, not the client,
/// are measured. Reads responses with a Content-Length body or a chunked one (an SSE stream), checks each answer
/// carries <see cref="Expected"/>, and keeps every request's latency for percentiles.
/// </summary>
internal sealed class LoopbackLoad(Uri url, Func<int, string> body, string expected)
{
    private readonly ConcurrentBag<double> _latencies = [];

    /// <summary>Text each answer must contain (a completed task, say); an answer without it fails the run.</summary>
    public string Expected => expected;

    /// <summary>Sends <paramref name="requests"/> requests over <paramref name="connections"/> connections, then returns.</summary>
    public void Run(int requests, int connections)
    {
        int next = 0;
        var failures = new ConcurrentQueue<Exception>();
        Thread[] threads = Enumerable.Range(0, connections).Select(_ => new Thread(() =>
        {
            try
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Connect(IPAddress.Loopback, url.Port);
                var buffer = new byte[64 * 1024];
                while (Interlocked.Increment(ref next) is var n && n <= requests)
                {
                    long started = Stopwatch.GetTimestamp();
                    socket.Send(RawRequest(n));
                    ReadResponse(socket, buffer);
                    _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

        if (failures.TryDequeue(out Exception? failure))
        {
            throw new InvalidOperationException($"The load on {url} failed: {failure.Message}", failure);
        }
    }

    /// <summary>One request, for checking a server before measuring: returns the answer's body.</summary>
    public string Probe()
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(IPAddress.Loopback, url.Port);
        socket.Send(RawRequest(0));
        return ReadResponse(socket, new byte[64 * 1024]);
    }

    /// <summary>The latency percentiles of every request sent so far, then forgets them.</summary>
    public string TakePercentiles()
    {
        double[] sorted = [.. _latencies.Order()];
        _latencies.Clear();
        return sorted.Length == 0
            ? "no requests"
            : FormattableString.Invariant($"{sorted.Length} requests: p50 {At(sorted, 0.50):F2} ms, p90 {At(sorted, 0.90):F2} ms, p99 {At(sorted, 0.99):F2} ms");
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];

    private byte[] RawRequest(int n)
    {
        string text = body(n);
        int length = Encoding.UTF8.GetByteCount(text);
        return Encoding.UTF8.GetBytes(
            $"POST {url.AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nContent-Type: application/json\r\nA2A-Version: 1.0\r\nContent-Length: {length}\r\n\r\n{text}");
    }

    // Reads one HTTP/1.1 response (Content-Length or chunked), checks its status and content, and returns its body.
    private string ReadResponse(Socket socket, byte[] buffer)
    {
        int filled = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            filled += Receive(socket, buffer, filled);
        }

        string headers = Encoding.ASCII.GetString(buffer, 0, headerEnd);
        if (!headers.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} answered: {headers}");
        }

        int start = headerEnd + 4;
        string answer;
        if (headers.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            // The stream ends with the zero-length chunk.
            while (buffer.AsSpan(start, filled - start).IndexOf("\r\n0\r\n\r\n"u8) < 0 && !buffer.AsSpan(start, filled - start).StartsWith("0\r\n\r\n"u8))
            {
                filled += Receive(socket, buffer, filled);
            }

            answer = Encoding.UTF8.GetString(buffer, start, filled - start);
        }
        else
        {
            int at = headers.IndexOf("content-length:", StringComparison.OrdinalIgnoreCase);
            int lineEnd = headers.IndexOf('\r', at);
            int length = int.Parse(headers.AsSpan(at + 15, (lineEnd < 0 ? headers.Length : lineEnd) - at - 15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            while (filled < start + length)
            {
                filled += Receive(socket, buffer, filled);
            }

            answer = Encoding.UTF8.GetString(buffer, start, length);
        }

        if (!answer.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} answered without '{expected}': {answer}");
        }

        return answer;
    }

    private int Receive(Socket socket, byte[] buffer, int filled)
    {
        if (filled == buffer.Length)
        {
            throw new InvalidOperationException($"An answer from {url} is larger than {buffer.Length} bytes.");
        }

        int read = socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
        return read > 0 ? read : throw new InvalidOperationException($"{url} closed the connection.");
    }
}
