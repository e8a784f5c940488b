using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Push;
using Microsoft.Data.Sqlite;

namespace A2A.Storage.Sqlite;

// Push notification configurations and delivery claims, in the task's database: written by the same writer as the
// tasks, removed with their task.
public sealed partial class SqliteTaskStore : IPushNotificationStore
{
    /// <inheritdoc />
    public async ValueTask SavePushConfigAsync(TaskPushNotificationConfig config, long deliveredSequence, int maxConfigsPerTask, string protocolVersion = A2A.JsonRpc.A2AMethods.ProtocolVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        string taskId = config.TaskId is { Length: > 0 } id ? id : throw new ArgumentException("The configuration's TaskId is required.", nameof(config));
        string configId = config.Id is { Length: > 0 } cid ? cid : throw new ArgumentException("The configuration's Id is required.", nameof(config));
        string json = A2AJson.Serialize(config);
        await EnqueueAsync(new Write.Call<bool>((c, _) =>
        {
            if (c.VersionOf(taskId) is null)
            {
                throw new TaskNotFoundException(taskId);
            }

            (long count, bool exists) = c.CountPushConfigs(taskId, configId);
            if (!exists && count >= maxConfigsPerTask)
            {
                throw new PushConfigLimitExceededException(taskId, maxConfigsPerTask);
            }

            c.SavePushConfig(taskId, configId, deliveredSequence, json, protocolVersion);
            return true;
        }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredPushConfig>> ListPushConfigsAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return await ReadAsync(async connection =>
        {
            var configs = new List<StoredPushConfig>();
            await using SqliteCommand read = Command(connection, "SELECT config, delivered, protocol_version, config_id FROM a2a_push_configs WHERE task_id = $id ORDER BY rowid;", ("$id", taskId));
            await using SqliteDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        return await EnqueueAsync(new Write.Call<bool>((c, _) => c.DeletePushConfig(taskId, configId)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask AdvancePushConfigAsync(string taskId, string configId, long deliveredSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(configId);
        await EnqueueAsync(new Write.Call<bool>((c, _) => c.AdvancePushConfig(taskId, configId, deliveredSequence)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryClaimPushDeliveryAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await EnqueueAsync(new Write.Call<bool>((c, now) => c.ClaimPush(taskId, owner, now, now + duration.Ticks)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> ClaimPushDeliveriesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await EnqueueAsync(new Write.Call<IReadOnlyList<string>>((c, now) => c.ClaimPushBatch(owner, now, now + duration.Ticks, maxCount)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleasePushDeliveryAsync(string taskId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await EnqueueAsync(new Write.Call<bool>((c, _) => c.ReleasePush(taskId, owner)), cancellationToken).ConfigureAwait(false);
    }
}
