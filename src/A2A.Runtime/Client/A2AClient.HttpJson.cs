using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using A2A.Errors;
using A2A.Json;
using A2A.JsonRpc;
using A2A.Protocol;

namespace A2A.Client;

// The HTTP+JSON binding (spec 11): operations as routes below the interface URL, GET parameters in the query, bare
// StreamResponse events, errors as google.rpc.Status bodies whose ErrorInfo reason picks the exception. In v0.3 the
// routes are below v1/, the bodies the v0.3 proto's JSON, and errors {code, message}.
public sealed partial class A2AClient
{
    private static readonly MediaTypeHeaderValue A2AJsonType = new("application/a2a+json");

    private async Task<T> RestCallAsync<T>(string method, HttpMethod verb, string path, byte[]? body, JsonTypeInfo<T>? resultInfo, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = RestRequest(method, verb, path, body, streaming: false);
        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw RestError(method, answer, (int)response.StatusCode);
        }

        if (resultInfo is null)
        {
            return default!; // an empty answer (google.protobuf.Empty)
        }

        try
        {
            return (_v03
                ? JsonSerializer.Deserialize(FromV03Result(method, System.Text.Json.Nodes.JsonNode.Parse(answer), Protocol.V03.V03Binding.HttpJson), resultInfo)
                : JsonSerializer.Deserialize(answer, resultInfo)) ?? throw new JsonException("The answer is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidAgentResponseException($"{method}: the agent's answer is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private async IAsyncEnumerable<StreamResponse> RestStreamAsync(string method, string path, byte[]? body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // v0.3 subscribes with GET (its proto's route); v1.0 with POST.
        HttpMethod verb = _v03 && method == A2AMethods.SubscribeToTask ? HttpMethod.Get : HttpMethod.Post;
        using HttpRequestMessage request = RestRequest(method, verb, path, body, streaming: true);
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            byte[] answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw response.IsSuccessStatusCode
                ? new InvalidAgentResponseException($"{method}: the agent answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"} instead of an event stream.")
                : RestError(method, answer, (int)response.StatusCode);
        }

        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(method, item.Data, _v03);
        }
    }

    // One event: a StreamResponse, or an error that ended the stream after it started.
    private static StreamResponse ReadEvent(string method, string data, bool v03)
    {
        byte[] json = Encoding.UTF8.GetBytes(data);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidAgentResponseException($"{method}: an event of the agent's stream is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out _))
            {
                throw RestError(method, json, 200);
            }

            if (v03 && V03RestError(document.RootElement) is { } failure)
            {
                throw failure;
            }

            try
            {
                StreamResponse change = (v03
                    ? JsonSerializer.Deserialize(FromV03Result(method, NodeOf(document.RootElement), Protocol.V03.V03Binding.HttpJson), A2AJson.TypeInfo<StreamResponse>())
                    : document.RootElement.Deserialize(A2AJson.TypeInfo<StreamResponse>())) ?? throw new JsonException("The event is null.");
                return change.Kind == StreamResponseKind.None ? throw new JsonException("The event carries no task, message, statusUpdate or artifactUpdate.") : change;
            }
            catch (JsonException ex)
            {
                throw new InvalidAgentResponseException($"{method}: an event of the agent's stream is not a StreamResponse: {ex.Message}", ex);
            }
        }
    }

    private HttpRequestMessage RestRequest(string method, HttpMethod verb, string path, byte[]? body, bool streaming)
    {
        if (_v03)
        {
            path = V03Path(method, path);
            body = body is null || verb == HttpMethod.Get ? null : Utf8(ToV03Params(method, ParseObject(body), Protocol.V03.V03Binding.HttpJson));
        }

        // "./" keeps a first segment with a colon (message:send) from reading as a URI scheme.
        var request = new HttpRequestMessage(verb, new Uri(EnsureTrailingSlash(Endpoint), "./" + path));
        request.Headers.Add(A2AMethods.VersionHeader, VersionHeaderValue);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(streaming ? "text/event-stream" : _v03 ? "application/json" : "application/a2a+json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = _v03 ? Json : A2AJsonType;
        }

        return request;
    }

    // {"error":{"code":404,"status":"NOT_FOUND","message":"...","details":[{"@type":"...ErrorInfo","reason":"TASK_NOT_FOUND"}]}}
    private static Exception RestError(string method, byte[] body, int status)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : $"HTTP {status}";
                string? reason = WireErrors.ReasonIn(error, "details");
                return WireErrors.CodeOf(reason) is { } code
                    ? WireErrors.FromCode(code, reason, message)
                    : new A2AException(message, status >= 500 ? A2AErrorCodes.InternalError : A2AErrorCodes.InvalidRequest, reason ?? "UNKNOWN");
            }

            // A v0.3 agent's error: {"code": -32001, "message": "..."}.
            if (V03RestError(document.RootElement) is { } legacy)
            {
                return legacy;
            }
        }
        catch (JsonException)
        {
        }

        // No A2A error: a transport failure (401 from the authentication in front, 502 from a proxy), with its status.
        return new HttpRequestException($"{method}: the agent answered HTTP {status} without an A2A error body.", null, (HttpStatusCode)status);
    }

    private static byte[] Body<T>(T value, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, info);
    }

    // An id as one path segment: every reserved character escaped, '/' and ':' included.
    private static string Segment(string? id) =>
        string.IsNullOrEmpty(id) ? throw new ArgumentException("The id is required.", nameof(id)) : Uri.EscapeDataString(id);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        string joined = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return joined.Length == 0 ? "" : "?" + joined;
    }

    private static string ListQuery(ListTasksRequest request) => Query(
        ("contextId", request.ContextId),
        ("status", request.Status == TaskState.Unspecified ? null : request.Status.ToWireName()),
        ("pageSize", request.PageSize?.ToString(CultureInfo.InvariantCulture)),
        ("pageToken", request.PageToken),
        ("historyLength", request.HistoryLength?.ToString(CultureInfo.InvariantCulture)),
        ("statusTimestampAfter", request.StatusTimestampAfter?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        ("includeArtifacts", request.IncludeArtifacts is { } include ? (include ? "true" : "false") : null));
}
