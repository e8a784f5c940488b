using System.Runtime.CompilerServices;
using System.Text.Json;
using A2A.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace A2A.AspNetCore;

/// <summary>
/// The agents one application maps: refuses two agents on one route or two claims on the root card (at start-up,
/// naming both), and decides which agent the root <c>/.well-known/agent-card.json</c> shows.
/// </summary>
internal sealed class AgentEndpointRegistry
{
    private static readonly ConditionalWeakTable<IServiceProvider, AgentEndpointRegistry> Registries = new();

    private readonly Lock _gate = new();
    private readonly List<Agent> _agents = [];
    private bool _rootMapped;

    public static AgentEndpointRegistry For(IServiceProvider services) => Registries.GetValue(services, static _ => new AgentEndpointRegistry());

    /// <summary>"/a2a/" and "a2a" are the route "/a2a"; the root is "/".</summary>
    public static string NormalizePattern(string pattern)
    {
        string trimmed = pattern.Trim().TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }

    /// <summary>Where the card of an agent at <paramref name="route"/> lives: "/a2a" → "/a2a/.well-known/agent-card.json".</summary>
    public static string CardRoute(string route) => (route == "/" ? "" : route) + AgentCardEndpoint.WellKnownPath;

    public Agent Add(IEndpointRouteBuilder endpoints, string name, string route, Func<string, AgentCard> card, A2AServerOptions options)
    {
        var agent = new Agent(name, route, endpoints, card, options);
        if (agent.AtApplicationRoot && options.ServeCardAtRoot == false)
        {
            throw new InvalidOperationException(
                $"The A2A agent '{name}' is mapped at '/', whose card is the root card /.well-known/agent-card.json, but its options say ServeCardAtRoot = false, which would leave it without a card. Map it at a route of its own, or leave ServeCardAtRoot unset.");
        }

        lock (_gate)
        {
            foreach (Agent other in _agents)
            {
                if (ReferenceEquals(other.Endpoints, endpoints) && other.Route == route)
                {
                    throw new InvalidOperationException(
                        $"The A2A agents '{other.Name}' and '{name}' are both mapped at '{route}'. Map each agent at a route of its own, for example '{route.TrimEnd('/')}/{Slug(name)}'.");
                }

                if (agent.ClaimsRoot && other.ClaimsRoot)
                {
                    throw new InvalidOperationException(
                        $"The A2A agents '{other.Name}' (at '{other.Route}') and '{name}' (at '{route}') both claim the root agent card /.well-known/agent-card.json. " +
                        "Only one agent can be there: an agent mapped at '/' claims it, and so does ServeCardAtRoot = true. Each agent's card is always served at {its route}/.well-known/agent-card.json.");
                }
            }

            _agents.Add(agent);
        }

        return agent;
    }

    /// <summary>True once per application, for the first agent mapped outside a route group: it maps the root card.</summary>
    public bool TryTakeRootEndpoint(IEndpointRouteBuilder endpoints)
    {
        if (endpoints is RouteGroupBuilder)
        {
            return false;
        }

        lock (_gate)
        {
            if (_rootMapped)
            {
                return false;
            }

            _rootMapped = true;
            return true;
        }
    }

    public Task HandleRootCardAsync(HttpContext context)
    {
        Agent[] agents;
        lock (_gate)
        {
            agents = [.. _agents];
        }

        Agent? chosen = agents.FirstOrDefault(a => a.ClaimsRoot)
            ?? (agents.Length == 1 && agents[0].ServeCardAtRoot != false ? agents[0] : null);
        if (chosen is not null)
        {
            return AgentCardEndpoint.WriteCardAsync(context, chosen);
        }

        // Several agents and none at the root: say where their cards are instead of picking one.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/json; charset=utf-8";
        string prefix = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return context.Response.WriteAsync(JsonSerializer.Serialize(
            new RootCardDirectory(
                "This application serves several A2A agents; each agent's card is under its own path.",
                agents.Select(a => new RootCardEntry(a.Name, prefix + a.CardPath)).ToArray()),
            AspNetCoreJsonContext.Default.RootCardDirectory), context.RequestAborted);
    }

    private static string Slug(string name) => name.EndsWith("Agent", StringComparison.Ordinal) && name.Length > 5 ? name[..^5].ToLowerInvariant() : name.ToLowerInvariant();

    /// <summary>One mapped agent.</summary>
    internal sealed class Agent(string name, string route, IEndpointRouteBuilder endpoints, Func<string, AgentCard> card, A2AServerOptions options)
    {
        public string Name { get; } = name;

        /// <summary>The route as mapped (relative to a route group, if any).</summary>
        public string Route { get; } = route;

        /// <summary>The full route, a route group's prefix included; known once the endpoints are built.</summary>
        public string? FullRoute { get; set; }

        public IEndpointRouteBuilder Endpoints { get; } = endpoints;

        public Func<string, AgentCard> Card { get; } = card;

        /// <summary>When the card was defined (the agent was mapped), to the second: the card's Last-Modified.</summary>
        public DateTimeOffset CardLastModified { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        public A2AServerOptions Options { get; } = options;

        public bool? ServeCardAtRoot => Options.ServeCardAtRoot;

        /// <summary>An agent at the application's root owns the root card; so does one that asks for it.</summary>
        public bool ClaimsRoot => ServeCardAtRoot == true || (ServeCardAtRoot != false && AtApplicationRoot);

        /// <summary>Mapped at "/" outside a route group: its own card address is the application's root card.</summary>
        public bool AtApplicationRoot => Route == "/" && Endpoints is not RouteGroupBuilder;

        public string CardPath => CardRoute(FullRoute ?? Route);

        /// <summary>The authorization the agent's JSON-RPC endpoint requires (none when it is public); known once the endpoints are built.</summary>
        public IReadOnlyList<Microsoft.AspNetCore.Authorization.IAuthorizeData> Guard { get; set; } = [];

        /// <summary>
        /// The card served for <paramref name="context"/>'s request: the agent's URL from the request's own scheme and
        /// host (behind a proxy, use the forwarded-headers middleware so these are the public ones), and the security
        /// its endpoints enforce.
        /// </summary>
        public Task<AgentCard> CardForAsync(HttpContext context)
        {
            HttpRequest request = context.Request;
            string url = $"{request.Scheme}://{request.Host}{request.PathBase}{FullRoute ?? Route}";
            return Security.CardSecurity.ApplyAsync(Card(url), Guard, context.RequestServices);
        }
    }
}

internal sealed record RootCardDirectory(string Message, RootCardEntry[] Agents);

internal sealed record RootCardEntry(string Name, string CardUrl);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RootCardDirectory))]
internal sealed partial class AspNetCoreJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
