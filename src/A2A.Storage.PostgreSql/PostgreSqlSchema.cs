using A2A.Errors;
using Npgsql;

namespace A2A.Storage.PostgreSql;

/// <summary>
/// The store's tables, created on first use and versioned in <c>a2a_schema</c>. An upgrade is a new entry in
/// <see cref="Migrations"/>: each runs once, in order, in the transaction that records its version, under an advisory
/// lock so that instances starting together do not race; a newer store opens an older database by upgrading it.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The version this code reads and writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>The channel every instance listens on; the payload is the id of the task that changed.</summary>
    public const string Channel = "a2a_task_events";

    // Index i upgrades version i to i + 1. Ids compare byte by byte (COLLATE "C"), the order page tokens assume.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE a2a_tasks (
            id             text COLLATE "C" NOT NULL PRIMARY KEY,
            context_id     text NOT NULL,
            state          integer NOT NULL,
            status_ticks   bigint NOT NULL,   -- status timestamp, UTC ticks: the ListTasks order
            version        bigint NOT NULL,   -- compare-and-swap version = sequence of the latest event
            finished_ticks bigint NULL,       -- when the task became terminal (store clock), for retention
            task           text NOT NULL      -- the task, A2A JSON
        );
        CREATE INDEX a2a_tasks_by_status ON a2a_tasks (status_ticks DESC, id);
        CREATE INDEX a2a_tasks_by_context ON a2a_tasks (context_id, status_ticks DESC, id);
        CREATE INDEX a2a_tasks_by_finish ON a2a_tasks (finished_ticks, id) WHERE finished_ticks IS NOT NULL;
        CREATE TABLE a2a_events (
            task_id text COLLATE "C" NOT NULL REFERENCES a2a_tasks (id) ON DELETE CASCADE,
            seq     bigint NOT NULL,
            event   text NOT NULL,             -- the change, A2A JSON (a StreamResponse)
            PRIMARY KEY (task_id, seq)
        );
        CREATE TABLE a2a_leases (
            task_id    text COLLATE "C" NOT NULL PRIMARY KEY,
            owner      text NOT NULL,          -- the server instance running the task's handler
            expires_at timestamptz NOT NULL    -- database clock; after it, another instance may take over
        );
        CREATE INDEX a2a_leases_by_expiry ON a2a_leases (expires_at);
        CREATE INDEX a2a_leases_by_owner ON a2a_leases (owner);
        """,
        """
        CREATE TABLE a2a_push_configs (
            task_id   text COLLATE "C" NOT NULL REFERENCES a2a_tasks (id) ON DELETE CASCADE,
            config_id text COLLATE "C" NOT NULL,
            created   bigserial NOT NULL,      -- the order configurations are listed in
            delivered bigint NOT NULL,         -- sequence of the last task event delivered to it (the task's log is the outbox)
            config    text NOT NULL,           -- the TaskPushNotificationConfig, A2A JSON (credentials included)
            PRIMARY KEY (task_id, config_id)
        );
        CREATE TABLE a2a_push_claims (
            task_id    text COLLATE "C" NOT NULL PRIMARY KEY,
            owner      text NOT NULL,          -- the server instance delivering the task's notifications
            expires_at timestamptz NOT NULL    -- database clock; after it, another instance may take over
        );
        """,
        """
        ALTER TABLE a2a_tasks ADD COLUMN task_owner text COLLATE "C" NOT NULL DEFAULT '';  -- the caller the task belongs to ('' = nobody)
        CREATE INDEX a2a_tasks_by_owner ON a2a_tasks (task_owner, status_ticks DESC, id);
        """,
        """
        ALTER TABLE a2a_push_configs ADD COLUMN protocol_version text NOT NULL DEFAULT '1.0';  -- the A2A version its notifications are sent in
        """,
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/>.</summary>
    /// <exception cref="TaskStoreException">The database was written by a newer version of the store.</exception>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string source, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('a2a_schema'));", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS a2a_schema (id integer NOT NULL PRIMARY KEY CHECK (id = 1), version integer NOT NULL);", cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand("SELECT version FROM a2a_schema WHERE id = 1;", connection);
        int version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int stored ? stored : 0;
        if (version > CurrentVersion)
        {
            throw new TaskStoreException(
                $"The PostgreSQL task store at {source} has schema version {version}, newer than this version of Lifeline.A2A.Storage.PostgreSql reads ({CurrentVersion}). Upgrade the package on every instance, or point the store at another database or schema.");
        }

        if (version == CurrentVersion)
        {
            return;
        }

        for (; version < CurrentVersion; version++)
        {
            await ExecuteAsync(connection, Migrations[version], cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, $"INSERT INTO a2a_schema (id, version) VALUES (1, {CurrentVersion}) ON CONFLICT (id) DO UPDATE SET version = excluded.version;", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
