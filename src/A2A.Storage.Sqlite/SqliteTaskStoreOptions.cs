using Microsoft.Data.Sqlite;

namespace A2A.Storage.Sqlite;

/// <summary>How an <see cref="SqliteTaskStore"/> reaches its file, how durable a commit is, and the retention of finished tasks.</summary>
public sealed record SqliteTaskStoreOptions : TaskRetentionOptions
{
    /// <summary>The connection string, for example <c>Data Source=tasks.db</c>. The file is created (with the schema) when missing.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// How much a commit waits for the disk. <see cref="SqliteDurability.Full"/> (the default): an accepted update
    /// survives a power loss. <see cref="SqliteDurability.Normal"/>: it survives a crash of the process, and the last
    /// commits before a power loss may be lost; commits are faster.
    /// </summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Full;

    /// <summary>
    /// The most writes one transaction commits together (group commit): concurrent writers share one commit, and so
    /// one wait for the disk, instead of queueing a transaction each. 1 commits every write alone.
    /// </summary>
    public int MaxWritesPerCommit { get; init; } = 256;

    /// <summary>How long a statement waits for another process that holds the database's write lock.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a subscriber checks for new events that another process wrote into the same file. Writes of this
    /// store wake its subscribers at once; only writers in other processes rely on this.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The SQLite task store needs a connection string, for example \"Data Source=tasks.db\".", nameof(ConnectionString));
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The SQLite task store's connection string is not valid: {ex.Message}", nameof(ConnectionString), ex);
        }

        if (builder.Mode is SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The SQLite task store writes tasks: its connection string cannot open the database read-only (Mode=ReadOnly).", nameof(ConnectionString));
        }

        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode is SqliteOpenMode.Memory)
        {
            throw new ArgumentException(
                "The SQLite task store needs a file (\"Data Source=tasks.db\"): an in-memory SQLite database lives only as long as one connection. Use InMemoryTaskStore for tasks that need not survive a restart.",
                nameof(ConnectionString));
        }

        if (MaxWritesPerCommit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWritesPerCommit), MaxWritesPerCommit, "At least one write goes into each commit.");
        }

        if (BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout cannot be negative.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be positive.");
        }
    }
}

/// <summary>How long a commit of the SQLite task store waits for the disk (SQLite's <c>synchronous</c> setting, in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary><c>synchronous=FULL</c>: every commit is on disk before the write returns; survives power loss.</summary>
    Full,

    /// <summary><c>synchronous=NORMAL</c>: survives a crash of the process, not necessarily of the machine.</summary>
    Normal,
}
