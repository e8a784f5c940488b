using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace A2A.Storage.Sqlite;

/// <summary>Registers the SQLite task store as the application's <see cref="ITaskStore"/>.</summary>
public static class SqliteTaskStoreServiceCollectionExtensions
{
    /// <summary>
    /// Stores every agent's tasks in the SQLite file of <paramref name="connectionString"/> (created when missing),
    /// replacing any task store registered before or after by the generated <c>Add{Name}Agent()</c> methods, which
    /// only add the in-memory store when none is registered. The options are checked here, at registration.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="connectionString">For example <c>Data Source=tasks.db</c>.</param>
    /// <param name="configure">Adjusts durability, group commit and retention.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message says which and why.</exception>
    public static IServiceCollection AddSqliteTaskStore(this IServiceCollection services, string connectionString, Func<SqliteTaskStoreOptions, SqliteTaskStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SqliteTaskStoreOptions { ConnectionString = connectionString };
        options = configure?.Invoke(options) ?? options;
        options.Validate();
        services.Replace(ServiceDescriptor.Singleton<ITaskStore>(provider => new SqliteTaskStore(options, provider.GetService<TimeProvider>(), provider.GetService<ILogger<SqliteTaskStore>>())));
        return services;
    }
}
