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
using A2A.Protocol.V03;

namespace A2A.Client;

/// <summary>
/// An A2A v1.0 client over the JSON-RPC or the HTTP+JSON binding: one instance per agent interface, over an
/// <see cref="HttpClient"/> the caller owns. Errors the agent returns are thrown as the matching
/// <see cref="A2AException"/> type (<see cref="TaskNotFoundException"/> for -32001 or <c>TASK_NOT_FOUND</c>, and so on)
/// whichever binding carried them; an answer that is not valid A2A throws <see cref="InvalidAgentResponseException"/>;
/// transport failures stay <see cref="HttpRequestException"/>.
/// </summary>
public sealed partial class A2AClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly bool _rest;
    private readonly bool _v03;
    private long _nextId;

    /// <summary>Creates a client for the JSON-RPC endpoint at <paramref name="endpoint"/>.</summary>
    public A2AClient(HttpClient http, Uri endpoint)
        : this(http, endpoint, ProtocolBindings.JsonRpc)
    {
    }

    /// <summary>Creates a client for the interface at <paramref name="endpoint"/> that speaks <paramref name="protocolBinding"/>.</summary>
    /// <param name="http">The HTTP client (its handlers add credentials, retries and the like).</param>
    /// <param name="endpoint">The interface's URL, as the agent card gives it.</param>
    /// <param name="protocolBinding"><see cref="ProtocolBindings.JsonRpc"/> or <see cref="ProtocolBindings.HttpJson"/>.</param>
    public A2AClient(HttpClient http, Uri endpoint, string protocolBinding)
        : this(http, endpoint, protocolBinding, A2AMethods.ProtocolVersion)
    {
    }

    /// <summary>
    /// Creates a client for the interface at <paramref name="endpoint"/> that speaks <paramref name="protocolBinding"/>
    /// in <paramref name="protocolVersion"/>: <c>1.0</c>, or <c>0.3</c> for an agent that offers nothing newer (the
    /// calls and answers are still v1.0 objects; ListTasks, which v0.3 lacks, throws <see cref="UnsupportedOperationException"/>).
    /// </summary>
    /// <param name="http">The HTTP client (its handlers add credentials, retries and the like).</param>
    /// <param name="endpoint">The interface's URL, as the agent card gives it.</param>
    /// <param name="protocolBinding"><see cref="ProtocolBindings.JsonRpc"/> or <see cref="ProtocolBindings.HttpJson"/>.</param>
    /// <param name="protocolVersion">The interface's protocol version, as the agent card gives it.</param>
    public A2AClient(HttpClient http, Uri endpoint, string protocolBinding, string protocolVersion)
    {
        ArgumentNullException.ThrowIfNull(protocolVersion);
        _v03 = protocolVersion != A2AMethods.ProtocolVersion;
        if (_v03 && !V03Methods.IsV03(protocolVersion))
        {
            throw new ArgumentException($"This client speaks A2A {A2AMethods.ProtocolVersion} and {V03Methods.Version}, not '{protocolVersion}'.", nameof(protocolVersion));
        }

        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The endpoint must be an absolute URI, got '{endpoint}'.", nameof(endpoint));
        }

        _rest = protocolBinding switch
        {
            ProtocolBindings.JsonRpc => false,
            ProtocolBindings.HttpJson => true,
            _ => throw new ArgumentException($"This client speaks {ProtocolBindings.JsonRpc} and {ProtocolBindings.HttpJson}, not '{protocolBinding}'.", nameof(protocolBinding)),
        };
        _http = http;
        Endpoint = endpoint;
        ProtocolBinding = protocolBinding;
    }

    /// <summary>The interface URL this client calls (the JSON-RPC endpoint, or the base of the HTTP+JSON routes).</summary>
    public Uri Endpoint { get; }

    /// <summary>The binding this client speaks: <see cref="ProtocolBindings.JsonRpc"/> or <see cref="ProtocolBindings.HttpJson"/>.</summary>
    public string ProtocolBinding { get; }

    /// <summary>The well-known path of the agent card, relative to the agent's base URL.</summary>
    public const string AgentCardPath = ".well-known/agent-card.json";

    /// <summary>Reads the agent card at <c>{baseUrl}/.well-known/agent-card.json</c>.</summary>
    /// <exception cref="InvalidAgentResponseException">The answer is not an agent card.</exception>
    public static async Task<AgentCard> GetAgentCardAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var cardUrl = new Uri(EnsureTrailingSlash(baseUrl), AgentCardPath);
        using var request = new HttpRequestMessage(HttpMethod.Get, cardUrl);
        request.Headers.Add(A2AMethods.VersionHeader, A2AMethods.ProtocolVersion);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidAgentResponseException($"GET {cardUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}; expected the agent card.");
        }

        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // An agent that predates v1.0 serves a v0.3 card whatever the header asks: read it as v1.0.
            if (System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject raw && V03Card.IsLegacyOnly(raw))
            {
                return JsonSerializer.Deserialize(V03Card.FromLegacy(raw), A2AJson.TypeInfo<AgentCard>()) ?? throw new JsonException("null");
            }

            return A2AJson.Deserialize<AgentCard>(body) ?? throw new JsonException("null");
        }
        catch (InvalidParamsException ex)
        {
            throw new InvalidAgentResponseException($"GET {cardUrl} did not return a valid agent card: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidAgentResponseException($"GET {cardUrl} did not return a valid agent card: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads the agent card at <paramref name="baseUrl"/> and returns a client for the best interface it offers, with
    /// the card: JSON-RPC in protocol version 1.0, else HTTP+JSON in 1.0, else JSON-RPC in 0.3, else HTTP+JSON in 0.3.
    /// </summary>
    /// <exception cref="VersionNotSupportedException">The card offers neither binding in either version.</exception>
    public static Task<(A2AClient Client, AgentCard Card)> ConnectAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken = default) =>
        ConnectAsync(http, baseUrl, ProtocolBindings.JsonRpc, cancellationToken);

    /// <summary>
    /// Like <see cref="ConnectAsync(HttpClient, Uri, CancellationToken)"/>, preferring <paramref name="preferredBinding"/>
    /// when the card offers it (and the other binding when it does not); version 1.0 comes first either way.
    /// </summary>
    /// <exception cref="VersionNotSupportedException">The card offers neither binding in either version.</exception>
    public static async Task<(A2AClient Client, AgentCard Card)> ConnectAsync(HttpClient http, Uri baseUrl, string preferredBinding, CancellationToken cancellationToken = default)
    {
        AgentCard card = await GetAgentCardAsync(http, baseUrl, cancellationToken).ConfigureAwait(false);
        string[] order = preferredBinding == ProtocolBindings.HttpJson ? [ProtocolBindings.HttpJson, ProtocolBindings.JsonRpc] : [ProtocolBindings.JsonRpc, ProtocolBindings.HttpJson];
        foreach (bool v03 in new[] { false, true })
        {
            foreach (string binding in order)
            {
                // An interface without a version is a v1.0 one (the field is required there).
                AgentInterface? offered = card.SupportedInterfaces.FirstOrDefault(i =>
                    string.Equals(i.ProtocolBinding, binding, StringComparison.OrdinalIgnoreCase)
                    && (v03 ? V03Methods.IsV03(i.ProtocolVersion) : string.IsNullOrEmpty(i.ProtocolVersion) || i.ProtocolVersion == A2AMethods.ProtocolVersion)
                    && Uri.TryCreate(i.Url, UriKind.Absolute, out _));
                if (offered is not null)
                {
                    return (new A2AClient(http, new Uri(offered.Url), binding, v03 ? V03Methods.Version : A2AMethods.ProtocolVersion), card);
                }
            }
        }

        throw new VersionNotSupportedException(
            $"The agent card at {baseUrl} offers no JSON-RPC or HTTP+JSON interface for A2A {A2AMethods.ProtocolVersion} or {V03Methods.Version} with an absolute URL " +
            $"(it offers: {string.Join(", ", card.SupportedInterfaces.Select(i => $"{i.ProtocolBinding} {i.ProtocolVersion} {i.Url}"))}).");
    }

    /// <summary>Sends a message and waits for the task to be terminal or interrupted (or not, with <c>returnImmediately</c>).</summary>
    public Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.SendMessage, HttpMethod.Post, "message:send", Body(request, A2AJson.TypeInfo<SendMessageRequest>()), A2AJson.TypeInfo<SendMessageResponse>(), cancellationToken)
            : CallAsync(A2AMethods.SendMessage, request, A2AJson.TypeInfo<SendMessageRequest>(), A2AJson.TypeInfo<SendMessageResponse>(), cancellationToken);

    /// <summary>Sends a message and streams the task: a snapshot first, then every change, until it is terminal or interrupted.</summary>
    public IAsyncEnumerable<StreamResponse> SendStreamingMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        _rest
            ? RestStreamAsync(A2AMethods.SendStreamingMessage, "message:stream", Body(request, A2AJson.TypeInfo<SendMessageRequest>()), cancellationToken)
            : StreamAsync(A2AMethods.SendStreamingMessage, request, A2AJson.TypeInfo<SendMessageRequest>(), cancellationToken);

    /// <summary>Reads a task.</summary>
    /// <exception cref="TaskNotFoundException">The agent does not know the task.</exception>
    public Task<AgentTask> GetTaskAsync(string taskId, int? historyLength = null, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.GetTask, HttpMethod.Get, $"tasks/{Segment(taskId)}{Query(("historyLength", historyLength?.ToString(CultureInfo.InvariantCulture)))}", null, A2AJson.TypeInfo<AgentTask>(), cancellationToken)
            : CallAsync(A2AMethods.GetTask, new GetTaskRequest { Id = taskId, HistoryLength = historyLength }, A2AJson.TypeInfo<GetTaskRequest>(), A2AJson.TypeInfo<AgentTask>(), cancellationToken);

    /// <summary>Lists tasks.</summary>
    /// <exception cref="UnsupportedOperationException">The agent speaks only A2A v0.3, which has no ListTasks.</exception>
    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest? request = null, CancellationToken cancellationToken = default) =>
        _v03 ? Task.FromException<ListTasksResponse>(NotInV03(A2AMethods.ListTasks))
        : _rest
            ? RestCallAsync(A2AMethods.ListTasks, HttpMethod.Get, "tasks" + ListQuery(request ?? new ListTasksRequest()), null, A2AJson.TypeInfo<ListTasksResponse>(), cancellationToken)
            : CallAsync(A2AMethods.ListTasks, request ?? new ListTasksRequest(), A2AJson.TypeInfo<ListTasksRequest>(), A2AJson.TypeInfo<ListTasksResponse>(), cancellationToken);

    /// <summary>Cancels a task and returns it as the agent left it.</summary>
    /// <exception cref="TaskNotCancelableException">The task is already terminal.</exception>
    public Task<AgentTask> CancelTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.CancelTask, HttpMethod.Post, $"tasks/{Segment(taskId)}:cancel", null, A2AJson.TypeInfo<AgentTask>(), cancellationToken)
            : CallAsync(A2AMethods.CancelTask, new CancelTaskRequest { Id = taskId }, A2AJson.TypeInfo<CancelTaskRequest>(), A2AJson.TypeInfo<AgentTask>(), cancellationToken);

    /// <summary>Streams a task's changes: its current snapshot first, then every change until it is terminal or interrupted.</summary>
    public IAsyncEnumerable<StreamResponse> SubscribeToTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        _rest
            ? RestStreamAsync(A2AMethods.SubscribeToTask, $"tasks/{Segment(taskId)}:subscribe", null, cancellationToken)
            : StreamAsync(A2AMethods.SubscribeToTask, new SubscribeToTaskRequest { Id = taskId }, A2AJson.TypeInfo<SubscribeToTaskRequest>(), cancellationToken);

    /// <summary>Reads the extended agent card (for authenticated clients).</summary>
    public Task<AgentCard> GetExtendedAgentCardAsync(CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.GetExtendedAgentCard, HttpMethod.Get, "extendedAgentCard", null, A2AJson.TypeInfo<AgentCard>(), cancellationToken)
            : CallAsync(A2AMethods.GetExtendedAgentCard, new GetExtendedAgentCardRequest(), A2AJson.TypeInfo<GetExtendedAgentCardRequest>(), A2AJson.TypeInfo<AgentCard>(), cancellationToken);

    /// <summary>
    /// Registers a webhook for a task's changes (<see cref="TaskPushNotificationConfig.TaskId"/> and
    /// <see cref="TaskPushNotificationConfig.Url"/> set); returns the configuration as the agent stored it, with its id.
    /// </summary>
    /// <exception cref="PushNotificationNotSupportedException">The agent does not send push notifications.</exception>
    /// <exception cref="TaskNotFoundException">The agent does not know the task.</exception>
    public Task<TaskPushNotificationConfig> CreateTaskPushNotificationConfigAsync(TaskPushNotificationConfig config, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.CreateTaskPushNotificationConfig, HttpMethod.Post, $"tasks/{Segment(config?.TaskId)}/pushNotificationConfigs", Body(config!, A2AJson.TypeInfo<TaskPushNotificationConfig>()), A2AJson.TypeInfo<TaskPushNotificationConfig>(), cancellationToken)
            : CallAsync(A2AMethods.CreateTaskPushNotificationConfig, config, A2AJson.TypeInfo<TaskPushNotificationConfig>(), A2AJson.TypeInfo<TaskPushNotificationConfig>(), cancellationToken);

    /// <summary>Reads one of a task's push notification configurations.</summary>
    /// <exception cref="TaskNotFoundException">The agent knows no such task or configuration.</exception>
    public Task<TaskPushNotificationConfig> GetTaskPushNotificationConfigAsync(string taskId, string configId, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.GetTaskPushNotificationConfig, HttpMethod.Get, $"tasks/{Segment(taskId)}/pushNotificationConfigs/{Segment(configId)}", null, A2AJson.TypeInfo<TaskPushNotificationConfig>(), cancellationToken)
            : CallAsync(A2AMethods.GetTaskPushNotificationConfig, new GetTaskPushNotificationConfigRequest { TaskId = taskId, Id = configId }, A2AJson.TypeInfo<GetTaskPushNotificationConfigRequest>(), A2AJson.TypeInfo<TaskPushNotificationConfig>(), cancellationToken);

    /// <summary>Lists a task's push notification configurations.</summary>
    /// <exception cref="TaskNotFoundException">The agent does not know the task.</exception>
    public Task<ListTaskPushNotificationConfigsResponse> ListTaskPushNotificationConfigsAsync(string taskId, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync(A2AMethods.ListTaskPushNotificationConfigs, HttpMethod.Get, $"tasks/{Segment(taskId)}/pushNotificationConfigs", null, A2AJson.TypeInfo<ListTaskPushNotificationConfigsResponse>(), cancellationToken)
            : CallAsync(A2AMethods.ListTaskPushNotificationConfigs, new ListTaskPushNotificationConfigsRequest { TaskId = taskId }, A2AJson.TypeInfo<ListTaskPushNotificationConfigsRequest>(), A2AJson.TypeInfo<ListTaskPushNotificationConfigsResponse>(), cancellationToken);

    /// <summary>Deletes one of a task's push notification configurations (deleting one that is gone is not an error).</summary>
    /// <exception cref="TaskNotFoundException">The agent does not know the task.</exception>
    public Task DeleteTaskPushNotificationConfigAsync(string taskId, string configId, CancellationToken cancellationToken = default) =>
        _rest
            ? RestCallAsync<JsonElement>(A2AMethods.DeleteTaskPushNotificationConfig, HttpMethod.Delete, $"tasks/{Segment(taskId)}/pushNotificationConfigs/{Segment(configId)}", null, null, cancellationToken)
            : CallAsync(A2AMethods.DeleteTaskPushNotificationConfig, new DeleteTaskPushNotificationConfigRequest { TaskId = taskId, Id = configId }, A2AJson.TypeInfo<DeleteTaskPushNotificationConfigRequest>(), A2AJson.TypeInfo<JsonElement>(), cancellationToken);

    private async Task<TResult> CallAsync<TParams, TResult>(
        string method, TParams parameters, JsonTypeInfo<TParams> paramsInfo, JsonTypeInfo<TResult> resultInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using HttpRequestMessage request = CreateRequest(method, parameters, paramsInfo, out long id, streaming: false);
        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ReadResult(method, id, body, resultInfo, (int)response.StatusCode);
    }


    private async IAsyncEnumerable<StreamResponse> StreamAsync<TParams>(
        string method, TParams parameters, JsonTypeInfo<TParams> paramsInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using HttpRequestMessage request = CreateRequest(method, parameters, paramsInfo, out long id, streaming: true);
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

        // An error before the stream starts comes back as a plain JSON-RPC response.
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            yield return ReadResult(method, id, body, A2AJson.TypeInfo<StreamResponse>(), (int)response.StatusCode);
            yield break;
        }

        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadResult(method, id, Encoding.UTF8.GetBytes(item.Data), A2AJson.TypeInfo<StreamResponse>(), (int)response.StatusCode);
        }
    }

    private HttpRequestMessage CreateRequest<TParams>(string method, TParams parameters, JsonTypeInfo<TParams> paramsInfo, out long id, bool streaming)
    {
        id = Interlocked.Increment(ref _nextId);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", _v03 ? V03MethodName(method) : method);
            writer.WritePropertyName("params");
            if (_v03)
            {
                var v1 = (System.Text.Json.Nodes.JsonObject)JsonSerializer.SerializeToNode(parameters, paramsInfo)!;
                ToV03Params(method, v1, V03Binding.JsonRpc)!.WriteTo(writer);
            }
            else
            {
                JsonSerializer.Serialize(writer, parameters, paramsInfo);
            }
            writer.WriteNumber("id", id);
            writer.WriteEndObject();
        }

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(buffer.WrittenSpan.ToArray()) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(A2AMethods.VersionHeader, VersionHeaderValue);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(streaming ? "text/event-stream" : "application/json"));
        return request;
    }

    private T ReadResult<T>(string method, long id, byte[] body, JsonTypeInfo<T> info, int status)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            // An HTTP failure that is no A2A answer (401 from the authentication in front, 502 from a proxy) is a
            // transport failure: the caller can read its status code.
            throw status is < 200 or >= 300
                ? new HttpRequestException($"{method}: the agent answered HTTP {status} without a JSON-RPC response.", ex, (HttpStatusCode)status)
                : new InvalidAgentResponseException($"{method}: the agent answered HTTP {status} with a body that is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidAgentResponseException($"{method}: the agent's answer is not a JSON-RPC response object.");
            }

            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                throw JsonRpcError.ToException(error);
            }

            if (!root.TryGetProperty("id", out JsonElement answeredId) || answeredId.ValueKind != JsonValueKind.Number || !answeredId.TryGetInt64(out long value) || value != id)
            {
                throw new InvalidAgentResponseException($"{method}: the agent answered request {id} with a response for id {(root.TryGetProperty("id", out JsonElement other) ? other.GetRawText() : "(none)")}.");
            }

            if (!root.TryGetProperty("result", out JsonElement result))
            {
                throw new InvalidAgentResponseException($"{method}: the agent's response has neither 'result' nor 'error'.");
            }

            try
            {
                return (_v03
                    ? JsonSerializer.Deserialize(FromV03Result(method, NodeOf(result), V03Binding.JsonRpc), info)
                    : result.Deserialize(info)) ?? throw new JsonException("The result is null.");
            }
            catch (JsonException ex)
            {
                throw new InvalidAgentResponseException($"{method}: the agent's result is not a valid {typeof(T).Name}: {ex.Message}", ex);
            }
        }
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
