using System.Text.Json;
using A2A.Protocol;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore;

/// <summary>
/// A task's changes as server-sent events, for both bindings: each event's JSON is the binding's (a JSON-RPC response,
/// or a bare StreamResponse), and an error after the stream started is its last event.
/// </summary>
internal static class EventStream
{
    // One server-sent event per item: "data: <json>\n\n".
    private static ReadOnlySpan<byte> EventPrefix => "data: "u8;

    private static ReadOnlySpan<byte> EventSuffix => "\n\n"u8;

    /// <summary>Starts an event stream and writes every change; an A2A error after the start becomes the last event.</summary>
    public static async Task WriteAsync(HttpResponse response, IAsyncEnumerable<StreamResponse> events, Action<Utf8JsonWriter, StreamResponse> item, Action<Utf8JsonWriter, Errors.A2AException> error, CancellationToken aborted)
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
                ResponseJson.Append(response, writer => item(writer, change), EventPrefix, EventSuffix);
                await response.BodyWriter.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (Errors.A2AException failure)
        {
            ResponseJson.Append(response, writer => error(writer, failure), EventPrefix, EventSuffix);
            await response.BodyWriter.FlushAsync(aborted).ConfigureAwait(false);
        }
    }
}
