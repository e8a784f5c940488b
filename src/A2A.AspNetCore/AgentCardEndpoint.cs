using System.Security.Cryptography;
using A2A.Json;
using A2A.JsonRpc;
using A2A.Protocol;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore;

/// <summary>
/// GET <c>{route}/.well-known/agent-card.json</c> (and the root one, for the agent that owns it): the agent card with
/// the agent's absolute endpoint URL, a weak ETag over its bytes (If-None-Match answers 304), Last-Modified (when the
/// agent was mapped), a Cache-Control max-age, and <c>Vary: A2A-Version</c>: without <c>A2A-Version: 1.0</c>, and with
/// v0.3 compatibility on, the card also carries the v0.3 fields.
/// </summary>
internal static class AgentCardEndpoint
{
    /// <summary>Where an agent card lives, relative to the agent's URL (A2A's well-known URI).</summary>
    public const string WellKnownPath = "/.well-known/agent-card.json";

    public static async Task WriteCardAsync(HttpContext context, AgentEndpointRegistry.Agent agent)
    {
        A2AServerOptions options = agent.Options;
        HttpRequest request = context.Request;

        // Built per request (cheap), and no cache keyed by a client-chosen Host header.
        AgentCard card = await agent.CardForAsync(context).ConfigureAwait(false);

        // A client that does not ask for v1.0 may be a v0.3 one: it gets the v0.3 fields too (spec 3.6).
        byte[] json = options.V03Compatibility && request.Headers[A2AMethods.VersionHeader].FirstOrDefault()?.Trim() != A2AMethods.ProtocolVersion
            ? Protocol.V03.V03Json.ToUtf8Bytes(Protocol.V03.V03Card.ToBlended(Protocol.V03.V03Json.ToNode(card)))
            : A2AJson.SerializeToUtf8Bytes(card);
        string etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 8)) + "\"";

        HttpResponse response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.LastModified = agent.CardLastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.Vary = A2AMethods.VersionHeader;
        response.Headers.CacheControl = $"public, max-age={(int)options.CardCacheDuration.TotalSeconds}";
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
