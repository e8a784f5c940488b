using Microsoft.Extensions.DependencyInjection;

namespace A2A.AspNetCore.Push;

/// <summary>
/// The named <see cref="HttpClient"/>s push notifications are sent with (through <see cref="IHttpClientFactory"/>):
/// add handlers to them (logging, resilience) with <c>services.AddHttpClient(name)</c>. Their primary handler does
/// the destination check and must stay: it connects only to addresses the policy allows, follows no redirects and
/// uses no proxy.
/// </summary>
public static class PushNotificationHttpClients
{
    /// <summary>The client for agents whose webhooks must be on public addresses (the default).</summary>
    public const string PublicOnly = "A2A.PushNotifications";

    /// <summary>The client for agents that allow private-network webhooks (<see cref="PushNotificationOptions.AllowPrivateNetworkDestinations"/>).</summary>
    public const string AnyNetwork = "A2A.PushNotifications.AnyNetwork";

    // Used when no factory is available (an A2AAgentService built by hand): one pooled handler per policy.
    private static readonly Lazy<HttpClient> BuiltInPublicOnly = new(() => new HttpClient(PushDestinationPolicy.PublicOnly.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan });
    private static readonly Lazy<HttpClient> BuiltInAnyNetwork = new(() => new HttpClient(PushDestinationPolicy.AnyNetwork.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan });

    /// <summary>Registers both clients with their guarded primary handlers (once).</summary>
    internal static void Register(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            return;
        }

        services.AddSingleton<Registered>();
        services.AddHttpClient(PublicOnly).ConfigurePrimaryHttpMessageHandler(PushDestinationPolicy.PublicOnly.CreateHandler);
        services.AddHttpClient(AnyNetwork).ConfigurePrimaryHttpMessageHandler(PushDestinationPolicy.AnyNetwork.CreateHandler);
    }

    internal static Func<HttpClient> Resolve(IHttpClientFactory? factory, bool anyNetwork)
    {
        if (factory is not null)
        {
            string name = anyNetwork ? AnyNetwork : PublicOnly;
            return () => factory.CreateClient(name);
        }

        Lazy<HttpClient> builtIn = anyNetwork ? BuiltInAnyNetwork : BuiltInPublicOnly;
        return () => builtIn.Value;
    }

    /// <summary>Marks a service collection with both clients registered.</summary>
    internal sealed class Registered;
}
