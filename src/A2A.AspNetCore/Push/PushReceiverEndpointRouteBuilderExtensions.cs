using System.Text.Json;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Protocol.V03;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace A2A.AspNetCore.Push;

/// <summary>Maps a webhook that receives an agent's push notifications, in a client application.</summary>
public static class PushReceiverEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Receives push notifications on POST <paramref name="pattern"/>: checks the credentials, reads one
    /// <c>StreamResponse</c> (<c>application/a2a+json</c> or <c>application/json</c>), hands it to
    /// <see cref="PushReceiverOptions.OnNotification"/> and answers 204. Refusals: 401 (credentials), 415 (content
    /// type), 413 (size), 400 (not a task event, or <see cref="PushReceiverOptions.OnNotification"/> threw an
    /// <see cref="A2AException"/>: it breaks the task's lifecycle), 404 (not a task you expect). An agent retries only
    /// 5xx, 408 and 429.
    /// </summary>
    /// <returns>The endpoint's builder (for authorization policies, rate limiting and the like).</returns>
    public static IEndpointConventionBuilder MapA2APushReceiver(this IEndpointRouteBuilder endpoints, string pattern, PushReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Authenticate);
        ArgumentNullException.ThrowIfNull(options.OnNotification);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodySize);
        return endpoints.MapPost(pattern, context => ReceiveAsync(context, options));
    }

    private static async Task ReceiveAsync(HttpContext context, PushReceiverOptions options)
    {
        HttpRequest request = context.Request;
        if (!options.Authenticate(ReadCredentials(request)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!RequestJson.IsJson(request.ContentType))
        {
            await ProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Content type '{request.ContentType}' is not application/a2a+json.").ConfigureAwait(false);
            return;
        }

        byte[]? body = await RequestJson.ReadBodyAsync(request, options.MaxBodySize, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        StreamResponse notification;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The body is not a JSON object.");
            }

            // An agent that speaks v0.3 sends the task itself, with its kind: read it as the v1.0 task snapshot.
            notification = document.RootElement.TryGetProperty("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String
                ? V03Json.FromNode<StreamResponse>(V03Json.FromStreamResponse(System.Text.Json.Nodes.JsonObject.Create(document.RootElement), V03Binding.JsonRpc))
                : ProtoFieldNames.ToJsonNames(document.RootElement).Deserialize(A2AJson.TypeInfo<StreamResponse>()) ?? throw new JsonException("The body is null.");
        }
        catch (InvalidParamsException ex)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, $"The body is not an A2A v0.3 task or event: {ex.Message}").ConfigureAwait(false);
            return;
        }
        catch (JsonException ex)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, $"The body is not an A2A StreamResponse: {ex.Message}").ConfigureAwait(false);
            return;
        }

        if (notification.Kind == StreamResponseKind.None || string.IsNullOrEmpty(notification.TaskId))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "The body must carry exactly one of task, statusUpdate, artifactUpdate or message, for a task.").ConfigureAwait(false);
            return;
        }

        bool expected;
        try
        {
            expected = await options.OnNotification(notification, context.RequestAborted).ConfigureAwait(false);
        }
        catch (A2AException refused)
        {
            // The notification breaks the protocol for its task (an update to a finished task, say): sending it again
            // would not help, so the answer is a 4xx, which the agent does not retry.
            await ProblemAsync(context, StatusCodes.Status400BadRequest, refused.Message).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = expected ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
    }

    private static PushCredentials ReadCredentials(HttpRequest request)
    {
        string? scheme = null;
        string? credentials = null;
        string authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            int space = authorization.IndexOf(' ', StringComparison.Ordinal);
            scheme = space < 0 ? authorization : authorization[..space];
            credentials = space < 0 ? "" : authorization[(space + 1)..].Trim();
        }

        string token = request.Headers[PushCredentials.TokenHeader].ToString();
        return new PushCredentials(scheme, credentials, token.Length == 0 ? null : token);
    }

    private static Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(detail, context.RequestAborted);
    }
}
