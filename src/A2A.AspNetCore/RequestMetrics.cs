using System.Diagnostics;
using A2A.Diagnostics;

namespace A2A.AspNetCore;

/// <summary>The server request metrics both bindings record (<c>a2a.server.requests</c> and its duration).</summary>
internal static class RequestMetrics
{
    /// <summary>Counts an answered request and its duration, tagged with its binding, method and error code.</summary>
    public static void Record(string binding, string method, int? errorCode, long started)
    {
        var tags = new TagList { { "rpc.method", method }, { "a2a.binding", binding } };
        if (errorCode is { } code)
        {
            tags.Add("rpc.jsonrpc.error_code", code);
        }

        A2ATelemetry.ServerRequests.Add(1, tags);
        A2ATelemetry.ServerRequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
