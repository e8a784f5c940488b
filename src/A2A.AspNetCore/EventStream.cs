using A2A.Protocol;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore;

/// <summary>
/// A task's changes as server-sent events, for both bindings: each event's JSON is the binding's (a JSON-RPC response,
/// or a bare StreamResponse), and an error after the stream started is its last event.
/// </summary>
internal static class EventStream
{
    // One server-sent event per item: "data: <json>\n\n" (allocated once, not per event).
    private static readonly byte[] EventPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventSuffix = "\n\n"u8.ToArray();

    /// <summary>Starts an event stream and writes every change; an A2A error after the start becomes the last event.</summary>
    public static async Task WriteAsync(HttpResponse response, IAsyncEnumerable<StreamResponse> events, Func<StreamResponse, byte[]> item, Func<Errors.A2AException, byte[]> error, CancellationToken aborted)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(aborted).ConfigureAwait(false);
        try
        {
            await foreach (StreamResponse change in events.WithCancellation(aborted).ConfigureAwait(false))
            {
                await WriteEventAsync(response, item(change), aborted).ConfigureAwait(false);
            }
        }
        catch (Errors.A2AException failure)
        {
            await WriteEventAsync(response, error(failure), aborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, byte[] json, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(EventPrefix, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(EventSuffix, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
