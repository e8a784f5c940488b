using A2A.Errors;
using Microsoft.Data.Sqlite;

namespace A2A.Storage.Sqlite;

/// <summary>
/// The store's tables, created on first use and versioned in <c>a2a_schema</c>. An upgrade is a new entry in
/// <see cref="Migrations"/>: each runs once, in order, in the transaction that records its version, so a database
/// is always at exactly one version and a newer store opens an older file by upgrading it.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this code reads and writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    // Index i upgrades version i to i + 1.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE a2a_tasks (
            id             TEXT    NOT NULL PRIMARY KEY,
            context_id     TEXT    NOT NULL,
            state          INTEGER NOT NULL,
            status_ticks   INTEGER NOT NULL,  -- status timestamp, UTC ticks: the ListTasks order
            version        INTEGER NOT NULL,  -- compare-and-swap version = sequence of the latest event
            finished_ticks INTEGER NULL,      -- when the task became terminal (store clock), for retention
            task           TEXT    NOT NULL   -- the task, A2A JSON
        );
        CREATE INDEX a2a_tasks_by_status ON a2a_tasks (status_ticks DESC, id);
        CREATE INDEX a2a_tasks_by_context ON a2a_tasks (context_id, status_ticks DESC, id);
        CREATE INDEX a2a_tasks_by_finish ON a2a_tasks (finished_ticks, id) WHERE finished_ticks IS NOT NULL;
        CREATE TABLE a2a_events (
            task_id TEXT    NOT NULL,
            seq     INTEGER NOT NULL,
            event   TEXT    NOT NULL,         -- the change, A2A JSON (a StreamResponse)
            PRIMARY KEY (task_id, seq)
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE a2a_leases (
            task_id       TEXT    NOT NULL PRIMARY KEY,
            owner         TEXT    NOT NULL,  -- the server instance running the task's handler
            expires_ticks INTEGER NOT NULL   -- UTC ticks (store clock); after it, another instance may take over
        ) WITHOUT ROWID;
        CREATE INDEX a2a_leases_by_expiry ON a2a_leases (expires_ticks);
        CREATE INDEX a2a_leases_by_owner ON a2a_leases (owner);
        """,
        """
        CREATE TABLE a2a_push_configs (
            task_id   TEXT    NOT NULL,
            config_id TEXT    NOT NULL,
            delivered INTEGER NOT NULL,  -- sequence of the last task event delivered to it (the task's log is the outbox)
            config    TEXT    NOT NULL,  -- the TaskPushNotificationConfig, A2A JSON (credentials included)
            PRIMARY KEY (task_id, config_id)
        );
        CREATE TABLE a2a_push_claims (
            task_id       TEXT    NOT NULL PRIMARY KEY,
            owner         TEXT    NOT NULL,  -- the server instance delivering the task's notifications
            expires_ticks INTEGER NOT NULL   -- UTC ticks (store clock); after it, another instance may take over
        ) WITHOUT ROWID;
        """,
        """
        ALTER TABLE a2a_tasks ADD COLUMN task_owner TEXT NOT NULL DEFAULT '';  -- the caller the task belongs to ('' = nobody)
        CREATE INDEX a2a_tasks_by_owner ON a2a_tasks (task_owner, status_ticks DESC, id);
        """,
        """
        ALTER TABLE a2a_push_configs ADD COLUMN protocol_version TEXT NOT NULL DEFAULT '1.0';  -- the A2A version its notifications are sent in
        """,
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/> (WAL mode, tables, indexes).</summary>
    /// <exception cref="TaskStoreException">The file was written by a newer version of the store.</exception>
    public static void Ensure(SqliteConnection connection, string source)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, "CREATE TABLE IF NOT EXISTS a2a_schema (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);", transaction);
        using var read = new SqliteCommand("SELECT version FROM a2a_schema WHERE id = 1;", connection, transaction);
        int version = read.ExecuteScalar() is long stored ? (int)stored : 0;
        if (version > CurrentVersion)
        {
            throw new TaskStoreException(
                $"The SQLite task store at '{source}' has schema version {version}, newer than this version of Lifeline.A2A.Storage.Sqlite reads ({CurrentVersion}). Upgrade the package, or point the store at another file.");
        }

        for (; version < CurrentVersion; version++)
        {
            Execute(connection, Migrations[version], transaction);
        }

        Execute(connection, $"INSERT INTO a2a_schema (id, version) VALUES (1, {CurrentVersion}) ON CONFLICT (id) DO UPDATE SET version = excluded.version;", transaction);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
