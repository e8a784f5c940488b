using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace A2A.AspNetCore;

/// <summary>
/// Options registration for A2A agents. Generated <c>Add{Name}Agent()</c> methods call it; call it yourself only for
/// agents you map with <see cref="A2AEndpointRouteBuilderExtensions.MapA2AAgent"/> directly.
/// </summary>
public static class A2AServiceCollectionExtensions
{
    /// <summary>The configuration section the options of every agent are bound from.</summary>
    public const string ConfigurationSection = "A2A";

    /// <summary>
    /// Registers the named <see cref="A2AServerOptions"/> of one agent: bound from the <c>A2A</c> configuration
    /// section, then from <c>A2A:Agents:{agentName}</c> (the more specific wins), then any <c>configure</c>
    /// callbacks, and validated when the application starts; and the named HTTP clients push notifications are sent
    /// with (<see cref="Push.PushNotificationHttpClients"/>). Calling it again for the same agent adds nothing.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="agentName">The options name, the agent's generated stem (for example <c>TripPlannerAgent</c>).</param>
    /// <returns>The options builder, for further <c>Configure</c> or validation calls.</returns>
    public static OptionsBuilder<A2AServerOptions> AddA2AAgentOptions(this IServiceCollection services, string agentName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);

        var builder = new OptionsBuilder<A2AServerOptions>(services, agentName);
        if (services.Any(d => d.ServiceType == typeof(AgentOptionsRegistration) && Equals(d.ServiceKey, agentName)))
        {
            return builder;
        }

        services.AddKeyedSingleton(agentName, new AgentOptionsRegistration());
        services.AddOptions();
        Push.PushNotificationHttpClients.Register(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<A2AServerOptions>, A2AServerOptionsValidator>());
        services.AddSingleton<IConfigureOptions<A2AServerOptions>>(provider => new ConfigureNamedOptions<A2AServerOptions>(agentName, options =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                configuration.GetSection(ConfigurationSection).Bind(options);
                configuration.GetSection($"{ConfigurationSection}:Agents:{agentName}").Bind(options);
            }
        }));
        return builder.ValidateOnStart();
    }

    // Marks an agent whose options are registered (keyed by its name), so registering twice binds once.
    private sealed class AgentOptionsRegistration;
}
