using System.Buffers;
using System.Text.Json;
using A2A.Errors;
using A2A.JsonRpc;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore;

/// <summary>
/// What every A2A binding checks on a request before it reads its parameters: the JSON content type, the size limit,
/// valid UTF-8 without unpaired surrogate escapes, the nesting limit, and the protocol version. The one home of
/// those checks for the JSON-RPC and HTTP+JSON endpoints.
/// </summary>
internal static class RequestJson
{
    /// <summary>Whether the content type is JSON (<c>application/json</c> or <c>application/a2a+json</c>, any parameters).</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        ReadOnlySpan<char> mediaType = contentType.AsSpan();
        int parameters = mediaType.IndexOf(';');
        mediaType = (parameters < 0 ? mediaType : mediaType[..parameters]).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/a2a+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads and parses the body; the caller disposes the document.</summary>
    /// <exception cref="ContentTypeNotSupportedException">The body is not declared as JSON.</exception>
    /// <exception cref="InvalidRequestException">The body is larger than the limit.</exception>
    /// <exception cref="ParseErrorException">The body is not valid UTF-8, not Unicode text, or not JSON within the depth limit.</exception>
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, A2AServerOptions options, CancellationToken cancellationToken)
    {
        // Only JSON is read: a text/plain or form post (what a cross-site form or a no-cors fetch can send without a
        // preflight) is refused before anything is read or created.
        if (!IsJson(request.ContentType))
        {
            throw new ContentTypeNotSupportedException(
                $"Content type not supported: '{request.ContentType}'. Send the request as application/json (or application/a2a+json).");
        }

        byte[] body = await ReadBodyAsync(request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidRequestException($"The request body is larger than the {options.MaxRequestBodySize}-byte limit.");

        // The JSON reader checks structure, not every byte of every string: refuse invalid UTF-8 up front.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw new ParseErrorException("Parse error: the body is not valid UTF-8.");
        }

        // An escaped unpaired surrogate ("\ud800") is valid JSON syntax but no Unicode text: it could never be written
        // back (an id, a method, a message), so it is refused here, before any work, rather than failing the answer.
        if (JsonText.FindUnpairedSurrogateEscape(body) is int at)
        {
            throw new ParseErrorException($"Parse error: the body escapes an unpaired UTF-16 surrogate at byte {at}; JSON text must be valid Unicode.");
        }

        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new ParseErrorException($"Parse error: the body is not valid JSON ({ex.Message})");
        }
    }

    /// <summary>
    /// The protocol version the request asks for (<c>A2A-Version</c> header, else query parameter): true for A2A v0.3
    /// (also what no version, or an empty one, means: spec 3.6), false for v1.0.
    /// </summary>
    /// <exception cref="VersionNotSupportedException">Another version, or v0.3 while <see cref="A2AServerOptions.V03Compatibility"/> is off.</exception>
    public static bool IsV03(HttpRequest request, A2AServerOptions options)
    {
        string version = (request.Headers[A2AMethods.VersionHeader].FirstOrDefault() ?? request.Query[A2AMethods.VersionHeader].FirstOrDefault())?.Trim() is { Length: > 0 } stated
            ? stated
            : Protocol.V03.V03Methods.Version;
        if (version == A2AMethods.ProtocolVersion)
        {
            return false;
        }

        if (options.V03Compatibility && Protocol.V03.V03Methods.IsV03(version))
        {
            return true;
        }

        string supported = options.V03Compatibility ? $"{A2AMethods.ProtocolVersion}, {Protocol.V03.V03Methods.Version}" : A2AMethods.ProtocolVersion;
        throw new VersionNotSupportedException($"The requested A2A protocol version '{version}' is not supported. Supported versions: {supported}");
    }

    /// <summary>Reads the whole body, or null as soon as it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        while (true)
        {
            Memory<byte> chunk = buffer.GetMemory(4096);
            int read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
