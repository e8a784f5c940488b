using A2A.Protocol;
using Microsoft.Data.Sqlite;

namespace A2A.Storage.Sqlite;

/// <summary>
/// The writer connection's statements, prepared once and reused by every transaction: the one place the store's
/// write SQL lives. Tasks and events arrive as JSON already, serialized by their writers before the commit.
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly SqliteCommand _insertTask;
    private readonly SqliteCommand _updateTask;
    private readonly SqliteCommand _versionOf;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _deleteEvents;
    private readonly SqliteCommand _deleteTask;
    private readonly SqliteCommand _expireOlder;
    private readonly SqliteCommand _expireBeyond;
    private readonly SqliteCommand _acquireLease;
    private readonly SqliteCommand _renewLeases;
    private readonly SqliteCommand _releaseLease;
    private readonly SqliteCommand _endLease;
    private readonly SqliteCommand _leasedToAnother;
    private readonly SqliteCommand _takeLeases;
    private readonly SqliteCommand _countPushConfigs;
    private readonly SqliteCommand _savePushConfig;
    private readonly SqliteCommand _deletePushConfig;
    private readonly SqliteCommand _advancePushConfig;
    private readonly SqliteCommand _claimPush;
    private readonly SqliteCommand _claimPushBatch;
    private readonly SqliteCommand _releasePush;
    private readonly SqliteCommand[] _all;

    public WriterCommands(SqliteConnection connection)
    {
        _insertTask = Prepare(connection, """
            INSERT INTO a2a_tasks (id, context_id, state, status_ticks, version, finished_ticks, task, task_owner)
            VALUES ($id, $context, $state, $ticks, $version, $finished, $task, $owner) ON CONFLICT (id) DO NOTHING;
            """, "$id", "$context", "$state", "$ticks", "$finished", "$task", "$owner", "$version");
        _updateTask = Prepare(connection, """
            UPDATE a2a_tasks SET context_id = $context, state = $state, status_ticks = $ticks, version = version + 1,
                finished_ticks = COALESCE(finished_ticks, $finished), task = $task
            WHERE id = $id AND version = $expected RETURNING task_owner;
            """, "$id", "$context", "$state", "$ticks", "$finished", "$task", "$expected");
        _versionOf = Prepare(connection, "SELECT version FROM a2a_tasks WHERE id = $id;", "$id");
        _insertEvent = Prepare(connection, "INSERT INTO a2a_events (task_id, seq, event) VALUES ($id, $seq, $event);", "$id", "$seq", "$event");
        _deleteEvents = Prepare(connection, "DELETE FROM a2a_events WHERE task_id = $id;", "$id");
        // A task's push configurations and delivery claim go with it.
        _deleteTask = Prepare(connection, """
            DELETE FROM a2a_events WHERE task_id = $id; DELETE FROM a2a_push_configs WHERE task_id = $id; DELETE FROM a2a_push_claims WHERE task_id = $id;
            DELETE FROM a2a_tasks WHERE id = $id;
            """, "$id");
        _expireOlder = Prepare(connection, """
            DELETE FROM a2a_events WHERE task_id IN (SELECT id FROM a2a_tasks WHERE finished_ticks IS NOT NULL AND finished_ticks <= $cutoff);
            DELETE FROM a2a_push_configs WHERE task_id IN (SELECT id FROM a2a_tasks WHERE finished_ticks IS NOT NULL AND finished_ticks <= $cutoff);
            DELETE FROM a2a_push_claims WHERE task_id IN (SELECT id FROM a2a_tasks WHERE finished_ticks IS NOT NULL AND finished_ticks <= $cutoff);
            DELETE FROM a2a_tasks WHERE finished_ticks IS NOT NULL AND finished_ticks <= $cutoff RETURNING id;
            """, "$cutoff");
        _expireBeyond = Prepare(connection, """
            CREATE TEMP TABLE IF NOT EXISTS a2a_expired (id TEXT NOT NULL PRIMARY KEY);
            DELETE FROM a2a_expired;
            INSERT INTO a2a_expired SELECT id FROM a2a_tasks WHERE finished_ticks IS NOT NULL ORDER BY finished_ticks DESC, id DESC LIMIT -1 OFFSET $max;
            DELETE FROM a2a_events WHERE task_id IN (SELECT id FROM a2a_expired);
            DELETE FROM a2a_push_configs WHERE task_id IN (SELECT id FROM a2a_expired);
            DELETE FROM a2a_push_claims WHERE task_id IN (SELECT id FROM a2a_expired);
            DELETE FROM a2a_tasks WHERE id IN (SELECT id FROM a2a_expired) RETURNING id;
            """, "$max");
        _acquireLease = Prepare(connection, """
            INSERT INTO a2a_leases (task_id, owner, expires_ticks) VALUES ($id, $owner, $expires)
            ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_ticks = excluded.expires_ticks
            WHERE a2a_leases.owner = excluded.owner OR a2a_leases.expires_ticks <= $now;
            """, "$id", "$owner", "$expires", "$now");
        _renewLeases = Prepare(connection, "UPDATE a2a_leases SET expires_ticks = $expires WHERE owner = $owner;", "$owner", "$expires");
        _releaseLease = Prepare(connection, "DELETE FROM a2a_leases WHERE task_id = $id AND owner = $owner;", "$id", "$owner");
        _endLease = Prepare(connection, "DELETE FROM a2a_leases WHERE task_id = $id;", "$id");
        _leasedToAnother = Prepare(connection, "SELECT 1 FROM a2a_leases WHERE task_id = $id AND owner <> $owner AND expires_ticks > $now;", "$id", "$owner", "$now");
        _takeLeases = Prepare(connection, """
            UPDATE a2a_leases SET owner = $owner, expires_ticks = $expires
            WHERE task_id IN (SELECT task_id FROM a2a_leases WHERE expires_ticks <= $now ORDER BY expires_ticks LIMIT $max)
            RETURNING task_id;
            """, "$owner", "$expires", "$now", "$max");
        _countPushConfigs = Prepare(connection, """
            SELECT COUNT(*), COALESCE(SUM(config_id = $config), 0) FROM a2a_push_configs WHERE task_id = $id;
            """, "$id", "$config");
        _savePushConfig = Prepare(connection, """
            INSERT INTO a2a_push_configs (task_id, config_id, delivered, config, protocol_version) VALUES ($id, $config, $delivered, $json, $version)
            ON CONFLICT (task_id, config_id) DO UPDATE SET config = excluded.config, protocol_version = excluded.protocol_version;
            """, "$id", "$config", "$delivered", "$json", "$version");
        _deletePushConfig = Prepare(connection, "DELETE FROM a2a_push_configs WHERE task_id = $id AND config_id = $config;", "$id", "$config");
        _advancePushConfig = Prepare(connection, """
            UPDATE a2a_push_configs SET delivered = $delivered WHERE task_id = $id AND config_id = $config AND delivered < $delivered;
            """, "$id", "$config", "$delivered");
        _claimPush = Prepare(connection, """
            INSERT INTO a2a_push_claims (task_id, owner, expires_ticks) VALUES ($id, $owner, $expires)
            ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_ticks = excluded.expires_ticks
            WHERE a2a_push_claims.owner = excluded.owner OR a2a_push_claims.expires_ticks <= $now;
            """, "$id", "$owner", "$expires", "$now");

        // Tasks with events still to deliver that nobody else delivers.
        _claimPushBatch = Prepare(connection, """
            INSERT INTO a2a_push_claims (task_id, owner, expires_ticks)
            SELECT DISTINCT c.task_id, $owner, $expires FROM a2a_push_configs c
            JOIN a2a_tasks t ON t.id = c.task_id
            LEFT JOIN a2a_push_claims k ON k.task_id = c.task_id
            WHERE (k.task_id IS NULL OR k.owner = $owner OR k.expires_ticks <= $now)
              AND c.delivered < t.version
            LIMIT $max
            ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_ticks = excluded.expires_ticks
            RETURNING task_id;
            """, "$owner", "$expires", "$now", "$max");
        _releasePush = Prepare(connection, "DELETE FROM a2a_push_claims WHERE task_id = $id AND owner = $owner;", "$id", "$owner");
        _all = [_insertTask, _updateTask, _versionOf, _insertEvent, _deleteEvents, _deleteTask, _expireOlder, _expireBeyond, _acquireLease, _renewLeases, _releaseLease, _endLease, _leasedToAnother, _takeLeases,
            _countPushConfigs, _savePushConfig, _deletePushConfig, _advancePushConfig, _claimPush, _claimPushBatch, _releasePush];
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (SqliteCommand command in _all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Inserts a new task row at <paramref name="version"/>; false when the id exists.</summary>
    public bool InsertTask(AgentTask task, string taskJson, long? finishedTicks, string owner, long version)
    {
        SetTask(_insertTask, task, taskJson, finishedTicks);
        _insertTask.Parameters["$owner"].Value = owner;
        _insertTask.Parameters["$version"].Value = version;
        return _insertTask.ExecuteNonQuery() == 1;
    }

    /// <summary>The compare-and-swap write; returns the task's owner, or null when the version did not match (or the task is gone).</summary>
    public string? UpdateTask(AgentTask task, string taskJson, long expectedVersion, long? finishedTicks)
    {
        SetTask(_updateTask, task, taskJson, finishedTicks);
        _updateTask.Parameters["$expected"].Value = expectedVersion;
        return _updateTask.ExecuteScalar() as string;
    }

    public long? VersionOf(string taskId)
    {
        _versionOf.Parameters["$id"].Value = taskId;
        return _versionOf.ExecuteScalar() as long?;
    }

    public void InsertEvent(string taskId, long sequence, string changeJson)
    {
        _insertEvent.Parameters["$id"].Value = taskId;
        _insertEvent.Parameters["$seq"].Value = sequence;
        _insertEvent.Parameters["$event"].Value = changeJson;
        _insertEvent.ExecuteNonQuery();
    }

    public void DeleteEvents(string taskId)
    {
        _deleteEvents.Parameters["$id"].Value = taskId;
        _deleteEvents.ExecuteNonQuery();
    }

    public bool DeleteTask(string taskId)
    {
        _deleteTask.Parameters["$id"].Value = taskId;
        return _deleteTask.ExecuteNonQuery() > 0;
    }

    public void ExpireOlderThan(long cutoffTicks, ISet<string> removed)
    {
        _expireOlder.Parameters["$cutoff"].Value = cutoffTicks;
        ReadIds(_expireOlder, removed);
    }

    public void ExpireBeyond(int max, ISet<string> removed)
    {
        _expireBeyond.Parameters["$max"].Value = (long)max;
        ReadIds(_expireBeyond, removed);
    }

    public bool AcquireLease(string taskId, string owner, long nowTicks, long expiresTicks)
    {
        _acquireLease.Parameters["$id"].Value = taskId;
        _acquireLease.Parameters["$owner"].Value = owner;
        _acquireLease.Parameters["$expires"].Value = expiresTicks;
        _acquireLease.Parameters["$now"].Value = nowTicks;
        return _acquireLease.ExecuteNonQuery() == 1;
    }

    /// <summary>Makes <paramref name="owner"/> the runner of a task this transaction creates, whoever held the id's lease.</summary>
    public void TakeLease(string taskId, string owner, long expiresTicks) => AcquireLease(taskId, owner, long.MaxValue, expiresTicks);

    /// <summary>Whether another owner's lease on the task is running.</summary>
    public bool LeasedToAnother(string taskId, string owner, long nowTicks)
    {
        _leasedToAnother.Parameters["$id"].Value = taskId;
        _leasedToAnother.Parameters["$owner"].Value = owner;
        _leasedToAnother.Parameters["$now"].Value = nowTicks;
        return _leasedToAnother.ExecuteScalar() is not null;
    }

    /// <summary>Ends the lease of a task that became terminal, whoever holds it.</summary>
    public void EndLease(string taskId)
    {
        _endLease.Parameters["$id"].Value = taskId;
        _endLease.ExecuteNonQuery();
    }

    public bool RenewLeases(string owner, long expiresTicks)
    {
        _renewLeases.Parameters["$owner"].Value = owner;
        _renewLeases.Parameters["$expires"].Value = expiresTicks;
        return _renewLeases.ExecuteNonQuery() > 0;
    }

    public bool ReleaseLease(string taskId, string owner)
    {
        _releaseLease.Parameters["$id"].Value = taskId;
        _releaseLease.Parameters["$owner"].Value = owner;
        return _releaseLease.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<string> TakeExpiredLeases(string owner, long nowTicks, long expiresTicks, int max)
    {
        _takeLeases.Parameters["$owner"].Value = owner;
        _takeLeases.Parameters["$expires"].Value = expiresTicks;
        _takeLeases.Parameters["$now"].Value = nowTicks;
        _takeLeases.Parameters["$max"].Value = (long)max;
        var taken = new List<string>();
        ReadIds(_takeLeases, taken);
        return taken;
    }

    /// <summary>How many push configurations the task has, and whether one of them is <paramref name="configId"/>.</summary>
    public (long Count, bool Exists) CountPushConfigs(string taskId, string configId)
    {
        _countPushConfigs.Parameters["$id"].Value = taskId;
        _countPushConfigs.Parameters["$config"].Value = configId;
        using SqliteDataReader reader = _countPushConfigs.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1) > 0);
    }

    public void SavePushConfig(string taskId, string configId, long deliveredSequence, string configJson, string protocolVersion)
    {
        _savePushConfig.Parameters["$version"].Value = protocolVersion;
        _savePushConfig.Parameters["$id"].Value = taskId;
        _savePushConfig.Parameters["$config"].Value = configId;
        _savePushConfig.Parameters["$delivered"].Value = deliveredSequence;
        _savePushConfig.Parameters["$json"].Value = configJson;
        _savePushConfig.ExecuteNonQuery();
    }

    public bool DeletePushConfig(string taskId, string configId)
    {
        _deletePushConfig.Parameters["$id"].Value = taskId;
        _deletePushConfig.Parameters["$config"].Value = configId;
        return _deletePushConfig.ExecuteNonQuery() > 0;
    }

    public bool AdvancePushConfig(string taskId, string configId, long deliveredSequence)
    {
        _advancePushConfig.Parameters["$id"].Value = taskId;
        _advancePushConfig.Parameters["$config"].Value = configId;
        _advancePushConfig.Parameters["$delivered"].Value = deliveredSequence;
        return _advancePushConfig.ExecuteNonQuery() > 0;
    }

    public bool ClaimPush(string taskId, string owner, long nowTicks, long expiresTicks)
    {
        _claimPush.Parameters["$id"].Value = taskId;
        _claimPush.Parameters["$owner"].Value = owner;
        _claimPush.Parameters["$expires"].Value = expiresTicks;
        _claimPush.Parameters["$now"].Value = nowTicks;
        return _claimPush.ExecuteNonQuery() == 1;
    }

    public IReadOnlyList<string> ClaimPushBatch(string owner, long nowTicks, long expiresTicks, int max)
    {
        _claimPushBatch.Parameters["$owner"].Value = owner;
        _claimPushBatch.Parameters["$expires"].Value = expiresTicks;
        _claimPushBatch.Parameters["$now"].Value = nowTicks;
        _claimPushBatch.Parameters["$max"].Value = (long)max;
        var claimed = new List<string>();
        ReadIds(_claimPushBatch, claimed);
        return claimed;
    }

    public bool ReleasePush(string taskId, string owner)
    {
        _releasePush.Parameters["$id"].Value = taskId;
        _releasePush.Parameters["$owner"].Value = owner;
        return _releasePush.ExecuteNonQuery() > 0;
    }

    public void Dispose()
    {
        foreach (SqliteCommand command in _all)
        {
            command.Dispose();
        }
    }

    private static void ReadIds(SqliteCommand command, ICollection<string> ids)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        do
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }
        while (reader.NextResult());
    }

    private static void SetTask(SqliteCommand command, AgentTask task, string taskJson, long? finishedTicks)
    {
        command.Parameters["$id"].Value = task.Id;
        command.Parameters["$context"].Value = task.ContextId ?? "";
        command.Parameters["$state"].Value = (long)task.Status.State;
        command.Parameters["$ticks"].Value = TaskListKey.Of(task).StatusTicks;
        command.Parameters["$finished"].Value = finishedTicks is { } ticks ? ticks : DBNull.Value;
        command.Parameters["$task"].Value = taskJson;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, connection);
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
