using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace A2A.Storage.PostgreSql;

/// <summary>Registers the PostgreSQL task store as the application's <see cref="ITaskStore"/>.</summary>
public static class PostgreSqlTaskStoreServiceCollectionExtensions
{
    /// <summary>
    /// Stores every agent's tasks in the PostgreSQL database of <paramref name="connectionString"/>, shared with every
    /// other instance that points at it, replacing any task store registered before or after by the generated
    /// <c>Add{Name}Agent()</c> methods, which only add the in-memory store when none is registered. The options are
    /// checked here, at registration; the database is reached on first use.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="connectionString">For example <c>Host=db;Database=agents;Username=agent;Password=…</c>.</param>
    /// <param name="configure">Adjusts polling and retention.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message says which and why.</exception>
    public static IServiceCollection AddPostgreSqlTaskStore(this IServiceCollection services, string connectionString, Func<PostgreSqlTaskStoreOptions, PostgreSqlTaskStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PostgreSqlTaskStoreOptions { ConnectionString = connectionString };
        options = configure?.Invoke(options) ?? options;
        options.Validate();
        services.Replace(ServiceDescriptor.Singleton<ITaskStore>(provider => new PostgreSqlTaskStore(options, provider.GetService<TimeProvider>(), provider.GetService<ILogger<PostgreSqlTaskStore>>())));
        return services;
    }
}
