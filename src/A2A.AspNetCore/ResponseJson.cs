using System.Buffers;
using System.Text.Json;
using A2A.Json;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore;

/// <summary>
/// How both bindings write JSON: a body (with its Content-Length) or a stream's event, serialized into a buffer this
/// thread reuses and copied into the response's pipe, so that an answer allocates no array of its own.
/// </summary>
internal static class ResponseJson
{
    // A thread's buffer is reused only while it stays small; a rare large answer does not pin its memory.
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes the JSON that <paramref name="write"/> produces as the whole response, with <paramref name="status"/>.</summary>
    public static async Task WriteAsync(HttpResponse response, int status, string contentType, Action<Utf8JsonWriter> write)
    {
        Append(response, write, [], [], json =>
        {
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength = json;
        });
        await response.BodyWriter.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends <paramref name="prefix"/>, the JSON <paramref name="write"/> produces, and <paramref name="suffix"/> to
    /// the response's pipe (one server-sent event, say), without flushing.
    /// </summary>
    public static void Append(HttpResponse response, Action<Utf8JsonWriter> write, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> suffix) =>
        Append(response, write, prefix, suffix, static _ => { });

    private static void Append(HttpResponse response, Action<Utf8JsonWriter> write, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> suffix, Action<int> beforeBody)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = A2AJson.Options.Encoder });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer);
            writer.Flush();
            beforeBody(buffer.WrittenCount);

            // Copied into the pipe here, before anything awaits: the buffer is this thread's.
            response.BodyWriter.Write(prefix);
            response.BodyWriter.Write(buffer.WrittenSpan);
            response.BodyWriter.Write(suffix);
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > KeptCapacity)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }
}
