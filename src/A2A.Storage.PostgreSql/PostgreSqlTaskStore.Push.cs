using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Push;
using Npgsql;

namespace A2A.Storage.PostgreSql;

// Push notification configurations (removed with their task by the foreign key) and delivery claims, judged by the
// database clock like the run leases.
public sealed partial class PostgreSqlTaskStore : IPushNotificationStore
{
    /// <inheritdoc />
    public async ValueTask SavePushConfigAsync(TaskPushNotificationConfig config, long deliveredSequence, int maxConfigsPerTask, string protocolVersion = A2A.JsonRpc.A2AMethods.ProtocolVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        string taskId = config.TaskId is { Length: > 0 } id ? id : throw new ArgumentException("The configuration's TaskId is required.", nameof(config));
        string configId = config.Id is { Length: > 0 } cid ? cid : throw new ArgumentException("The configuration's Id is required.", nameof(config));
        bool saved = await RunAsync(async connection =>
        {
            // The task's row is locked for the statement, so two configurations saved at once cannot both pass the cap.
            await using NpgsqlCommand command = Command(connection, """
                WITH t AS (SELECT id FROM a2a_tasks WHERE id = $1 FOR UPDATE),
                n AS (SELECT count(*) AS count, coalesce(bool_or(config_id = $2), false) AS present FROM a2a_push_configs WHERE task_id = $1)
                INSERT INTO a2a_push_configs AS c (task_id, config_id, delivered, config, protocol_version)
                SELECT t.id, $2, $3, $4, $6 FROM t, n WHERE n.present OR n.count < $5
                ON CONFLICT (task_id, config_id) DO UPDATE SET config = excluded.config, protocol_version = excluded.protocol_version
                RETURNING 1;
                """, Text(taskId), Text(configId), Int64(deliveredSequence), Text(A2AJson.Serialize(config)), Int64(maxConfigsPerTask), Text(protocolVersion));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }, "save a push notification configuration", cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            throw await GetAsync(taskId, cancellationToken).ConfigureAwait(false) is null
                ? new TaskNotFoundException(taskId)
                : new PushConfigLimitExceededException(taskId, maxConfigsPerTask);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredPushConfig>> ListPushConfigsAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return await RunAsync(async connection =>
        {
            var configs = new List<StoredPushConfig>();
            await using NpgsqlCommand command = Command(connection, "SELECT config, delivered, protocol_version, config_id FROM a2a_push_configs WHERE task_id = $1 ORDER BY created;", Text(taskId));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                configs.Add(new StoredPushConfig(StoredJson.PushConfig(reader.GetString(0), taskId, reader.GetString(3), _source), reader.GetInt64(1), reader.GetString(2)));
            }

            return (IReadOnlyList<StoredPushConfig>)configs;
        }, "read push notification configurations", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeletePushConfigAsync(string taskId, string configId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(configId);
        return await ExecuteAsync("DELETE FROM a2a_push_configs WHERE task_id = $1 AND config_id = $2;", "delete a push notification configuration", cancellationToken, Text(taskId), Text(configId)).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async ValueTask AdvancePushConfigAsync(string taskId, string configId, long deliveredSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(configId);
        await ExecuteAsync("UPDATE a2a_push_configs SET delivered = $3 WHERE task_id = $1 AND config_id = $2 AND delivered < $3;",
            "record a push notification delivery", cancellationToken, Text(taskId), Text(configId), Int64(deliveredSequence)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryClaimPushDeliveryAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await ExecuteAsync("""
            INSERT INTO a2a_push_claims AS k (task_id, owner, expires_at) VALUES ($1, $2, clock_timestamp() + $3)
            ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE k.owner = excluded.owner OR k.expires_at <= clock_timestamp();
            """, "claim push deliveries", cancellationToken, Text(taskId), Text(owner), Interval(duration)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> ClaimPushDeliveriesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await RunAsync(async connection =>
        {
            // Tasks with events still to deliver that nobody else delivers;
            // an instance racing for the same task waits on its claim row and then finds it taken.
            await using NpgsqlCommand command = Command(connection, """
                INSERT INTO a2a_push_claims AS k (task_id, owner, expires_at)
                SELECT DISTINCT c.task_id, $1, clock_timestamp() + $2 FROM a2a_push_configs c
                JOIN a2a_tasks t ON t.id = c.task_id
                LEFT JOIN a2a_push_claims x ON x.task_id = c.task_id
                WHERE (x.task_id IS NULL OR x.owner = $1 OR x.expires_at <= clock_timestamp())
                  AND c.delivered < t.version
                LIMIT $3
                ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                WHERE k.owner = excluded.owner OR k.expires_at <= clock_timestamp()
                RETURNING task_id;
                """, Text(owner), Interval(duration), Int64(maxCount));
            var claimed = new List<string>();
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)claimed;
        }, "claim push deliveries", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleasePushDeliveryAsync(string taskId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await ExecuteAsync("DELETE FROM a2a_push_claims WHERE task_id = $1 AND owner = $2;", "release push deliveries", cancellationToken, Text(taskId), Text(owner)).ConfigureAwait(false);
    }

    private Task<int> ExecuteAsync(string sql, string what, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) =>
        RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, what, cancellationToken);
}
