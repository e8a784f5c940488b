using Npgsql;

namespace A2A.Storage.PostgreSql;

/// <summary>How a <see cref="PostgreSqlTaskStore"/> reaches its database, how it hears other instances' writes, and the retention of finished tasks.</summary>
public sealed record PostgreSqlTaskStoreOptions : TaskRetentionOptions
{
    /// <summary>
    /// The Npgsql connection string, for example <c>Host=db;Database=agents;Username=agent;Password=…</c>. The tables
    /// are created (or upgraded) in the first schema of the connection's search path on first use; add
    /// <c>Search Path=a2a</c> to keep them in a schema of their own (which must exist).
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// How often a subscriber reads the store without having been woken. Every instance is woken at once through
    /// LISTEN/NOTIFY; polling only covers a notification lost while the listening connection was down.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the listening connection proves it is alive (TCP keepalive at the PostgreSQL protocol level).</summary>
    public TimeSpan ListenKeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL task store needs a connection string, for example \"Host=localhost;Database=agents;Username=agent\".", nameof(ConnectionString));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new ArgumentException($"The PostgreSQL task store's connection string is not valid: {ex.Message}", nameof(ConnectionString), ex);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException("The PostgreSQL task store's connection string names no server: add Host=… (a name, an address, or a Unix socket folder).", nameof(ConnectionString));
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be positive.");
        }

        if (ListenKeepAlive < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ListenKeepAlive), ListenKeepAlive, "The keepalive of the listening connection must be at least one second.");
        }
    }
}
