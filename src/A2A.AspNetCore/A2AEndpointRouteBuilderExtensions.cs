using A2A.Agents;
using A2A.Protocol;
using A2A.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace A2A.AspNetCore;

/// <summary>Maps A2A agents onto ASP.NET Core endpoints. Generated <c>Map{Name}()</c> extensions call these.</summary>
public static class A2AEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves an agent: JSON-RPC 2.0 (with SSE streaming) on POST <paramref name="pattern"/>, and its card on GET
    /// <c>/.well-known/agent-card.json</c> (relative to the application's path base).
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    /// <param name="pattern">The route of the JSON-RPC endpoint, for example <c>/</c> or <c>/a2a</c>.</param>
    /// <param name="manager">Resolves the agent's task manager (a singleton: the service is created once).</param>
    /// <param name="handler">Resolves the agent's handler; called once per run, in a service scope of its own.</param>
    /// <param name="card">Builds the agent card for the endpoint's absolute URL.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <returns>A builder for both endpoints (for authorization, CORS and the like).</returns>
    public static IEndpointConventionBuilder MapA2AAgent(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<IServiceProvider, TaskManager> manager,
        Func<IServiceProvider, AgentHandler> handler,
        Func<string, AgentCard> card,
        A2AServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(card);
        options ??= new A2AServerOptions();

        IServiceProvider services = endpoints.ServiceProvider;
        IServiceScopeFactory scopes = services.GetRequiredService<IServiceScopeFactory>();
        AgentHandler scoped = async (message, task, updater, token) =>
        {
            await using AsyncServiceScope scope = scopes.CreateAsyncScope();
            await handler(scope.ServiceProvider)(message, task, updater, token).ConfigureAwait(false);
        };

        var service = new A2AAgentService(manager(services), scoped, services.GetService<ILogger<A2AAgentService>>());
        // On shutdown, running handlers see their token fire (their tasks end canceled); shutdown does not wait on them.
        services.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()?.ApplicationStopping.Register(() => _ = service.DisposeAsync().AsTask());
        var endpoint = new JsonRpcEndpoint(service, options, services.GetService<ILogger<JsonRpcEndpoint>>());
        var cards = new AgentCardEndpoint(card, pattern, options);

        IEndpointConventionBuilder rpc = endpoints.MapPost(pattern, endpoint.HandleAsync);
        IEndpointConventionBuilder wellKnown = endpoints.MapGet("/.well-known/agent-card.json", cards.HandleAsync);
        return new Both(rpc, wellKnown);
    }

    private sealed class Both(IEndpointConventionBuilder first, IEndpointConventionBuilder second) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            first.Add(convention);
            second.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            first.Finally(finallyConvention);
            second.Finally(finallyConvention);
        }
    }
}
