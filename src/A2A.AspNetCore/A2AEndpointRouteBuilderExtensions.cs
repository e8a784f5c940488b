using A2A.Agents;
using A2A.Protocol;
using A2A.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace A2A.AspNetCore;

/// <summary>Maps A2A agents onto ASP.NET Core endpoints. Generated <c>Map{Name}Agent()</c> extensions call these.</summary>
public static class A2AEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves an agent: JSON-RPC 2.0 (with SSE streaming) on POST <paramref name="pattern"/>, its card on GET
    /// <c>{pattern}/.well-known/agent-card.json</c>, and at the application's root <c>/.well-known/agent-card.json</c>
    /// when it is the agent there (see <see cref="A2AServerOptions.ServeCardAtRoot"/>).
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder (or a route group).</param>
    /// <param name="agentName">The agent's name: its options name and how start-up errors refer to it.</param>
    /// <param name="pattern">The route of the JSON-RPC endpoint, for example <c>/</c> or <c>/a2a</c>.</param>
    /// <param name="manager">Resolves the agent's task manager (a singleton: the service is created once).</param>
    /// <param name="handler">Resolves the agent's handler; called once per run, in a service scope of its own.</param>
    /// <param name="card">Builds the agent card for the endpoint's absolute URL.</param>
    /// <param name="options">
    /// The endpoint's options; when null, the agent's named <see cref="A2AServerOptions"/> from the service
    /// container (configuration-bound by <see cref="A2AServiceCollectionExtensions.AddA2AAgentOptions"/>), or the defaults.
    /// </param>
    /// <returns>
    /// A builder for the agent's JSON-RPC endpoint and its card under its path (for authorization, CORS and the
    /// like); the application's root card endpoint is shared by all agents and stays public.
    /// </returns>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">Another agent already has this route, or the root card.</exception>
    public static IEndpointConventionBuilder MapA2AAgent(
        this IEndpointRouteBuilder endpoints,
        string agentName,
        string pattern,
        Func<IServiceProvider, TaskManager> manager,
        Func<IServiceProvider, AgentHandler> handler,
        Func<string, AgentCard> card,
        A2AServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(card);

        IServiceProvider services = endpoints.ServiceProvider;
        options ??= services.GetService<IOptionsMonitor<A2AServerOptions>>()?.Get(agentName) ?? new A2AServerOptions();
        ValidateOptionsResult validation = new A2AServerOptionsValidator().Validate(agentName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(agentName, typeof(A2AServerOptions), validation.Failures);
        }

        // The card is built per request (its URL comes from the request); building it once here makes a bad
        // customization (a repeated skill id, a callback that throws) stop the start-up instead of failing every request.
        Func<string, AgentCard> servedCard = url => AgentCardCustomizer.Apply(WithBindings(card(url), url, options), options.Card, options.PushNotifications.Enabled, agentName);
        bool pushNotifications = servedCard("http://localhost/").Capabilities.PushNotifications == true; // the card is the one source of the capability

        string route = AgentEndpointRegistry.NormalizePattern(pattern);
        AgentEndpointRegistry registry = AgentEndpointRegistry.For(services);
        AgentEndpointRegistry.Agent agent = registry.Add(endpoints, agentName, route, servedCard, options);

        IServiceScopeFactory scopes = services.GetRequiredService<IServiceScopeFactory>();
        AgentHandler scoped = async (message, task, updater, token) =>
        {
            await using AsyncServiceScope scope = scopes.CreateAsyncScope();
            await handler(scope.ServiceProvider)(message, task, updater, token).ConfigureAwait(false);
        };

        ILogger<A2AAgentService>? serviceLogger = services.GetService<ILogger<A2AAgentService>>();
        var runOptions = new AgentRunOptions
        {
            IncludeExceptionMessage = options.IncludeExceptionDetails,
            OnHandlerException = serviceLogger is null ? null : (task, exception) => HandlerLog.HandlerThrew(serviceLogger, exception, agentName, task.Id),
        };
        // The factory's push clients are used only when their guarded handlers were registered (AddA2AAgentOptions).
        IHttpClientFactory? httpClients = services.GetService<Push.PushNotificationHttpClients.Registered>() is null ? null : services.GetService<IHttpClientFactory>();
        var service = new A2AAgentService(
            manager(services), scoped, serviceLogger, runOptions, options.RunLeaseDuration, pushNotifications ? options.PushNotifications : null, httpClients,
            services.GetService<Security.ITaskAuthorizer>());

        // On shutdown, running handlers see their token fire (their tasks end canceled) while the host stops; before the
        // container disposes the store, the host waits (a bounded while) for them and for push deliveries to let go of it.
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            Task? disposing = null;
            lifetime.ApplicationStopping.Register(() => disposing = service.DisposeAsync().AsTask());
            lifetime.ApplicationStopped.Register(() =>
            {
                try
                {
                    disposing?.Wait(ShutdownPatience);
                }
                catch (AggregateException ex)
                {
                    serviceLogger?.LogError(ex.InnerException, "Stopping agent {AgentName} failed.", agentName);
                }
            });
        }
        var rpc = new JsonRpcEndpoint(service, options, agent, services.GetService<ILogger<JsonRpcEndpoint>>());

        IEndpointConventionBuilder rpcEndpoint = endpoints.MapPost(route, rpc.HandleAsync);
        var conventions = new List<IEndpointConventionBuilder> { rpcEndpoint };

        // The HTTP+JSON binding: every path below the agent's route (the card's literal route takes precedence).
        if (options.HttpJsonBinding)
        {
            var rest = new Rest.RestEndpoint(service, options, agent, services.GetService<ILogger<Rest.RestEndpoint>>());
            conventions.Add(endpoints.MapMethods(
                route.TrimEnd('/') + "/{**a2aPath}",
                [HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete],
                context => rest.HandleAsync(context, context.GetRouteValue("a2aPath") as string ?? "")));
        }

        // The full route (a route group's prefix included) is known once endpoints are built: the card's URL uses it.
        rpcEndpoint.Finally(builder =>
        {
            if (builder is RouteEndpointBuilder { RoutePattern.RawText: { } raw })
            {
                agent.FullRoute = AgentEndpointRegistry.NormalizePattern(raw);
            }

            // What guards the agent (RequireAuthorization and the like) is what its card declares.
            agent.Guard = builder.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()
                ? []
                : [.. builder.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()];
        });

        // The agent's own card, unless its address is the root card's (served below, for every agent).
        if (!agent.AtApplicationRoot)
        {
            conventions.Add(endpoints.MapGet(AgentEndpointRegistry.CardRoute(route), context => AgentCardEndpoint.WriteCardAsync(context, agent)));
        }

        // The root card is one endpoint for the whole application, whichever agent it shows: mapped by the first
        // agent mapped outside a route group, and left out of the conventions returned here (cards are public).
        if (registry.TryTakeRootEndpoint(endpoints))
        {
            endpoints.MapGet(AgentCardEndpoint.WellKnownPath, registry.HandleRootCardAsync);
        }

        return new Composite(conventions);
    }

    // The generated card names the v1.0 JSON-RPC interface; the others served at the same URL are added: HTTP+JSON,
    // and both bindings in v0.3 when v0.3 clients are served.
    private static AgentCard WithBindings(AgentCard card, string url, A2AServerOptions options)
    {
        var interfaces = new List<AgentInterface>(card.SupportedInterfaces);
        void Offer(string binding, string version)
        {
            if (!interfaces.Any(i => i.ProtocolBinding == binding && i.ProtocolVersion == version))
            {
                interfaces.Add(new AgentInterface { Url = url, ProtocolBinding = binding, ProtocolVersion = version });
            }
        }

        if (options.HttpJsonBinding)
        {
            Offer(ProtocolBindings.HttpJson, A2A.JsonRpc.A2AMethods.ProtocolVersion);
        }

        if (options.V03Compatibility)
        {
            Offer(ProtocolBindings.JsonRpc, A2A.Protocol.V03.V03Methods.Version);
            if (options.HttpJsonBinding)
            {
                Offer(ProtocolBindings.HttpJson, A2A.Protocol.V03.V03Methods.Version);
            }
        }

        return interfaces.Count == card.SupportedInterfaces.Count ? card : card with { SupportedInterfaces = interfaces };
    }

    // How long the host's stop waits for an agent's runs and push deliveries to let go of the store.
    private static readonly TimeSpan ShutdownPatience = TimeSpan.FromSeconds(30);

    private sealed class Composite(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention) => builders.ForEach(b => b.Add(convention));

        public void Finally(Action<EndpointBuilder> finallyConvention) => builders.ForEach(b => b.Finally(finallyConvention));
    }
}

internal static partial class HandlerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "The handler of agent {AgentName} threw while working on task {TaskId}; the task fails.")]
    public static partial void HandlerThrew(ILogger logger, Exception exception, string agentName, string taskId);
}
