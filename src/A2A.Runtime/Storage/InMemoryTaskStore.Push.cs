using A2A.Errors;
using A2A.Protocol;
using A2A.Push;

namespace A2A.Storage;

// Push notification configurations live on the task's entry, under its lock: they go when the task goes.
public sealed partial class InMemoryTaskStore : IPushNotificationStore
{
    /// <inheritdoc />
    public ValueTask SavePushConfigAsync(TaskPushNotificationConfig config, long deliveredSequence, int maxConfigsPerTask, string protocolVersion = A2A.JsonRpc.A2AMethods.ProtocolVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(config.TaskId, "config.TaskId");
        ArgumentException.ThrowIfNullOrEmpty(config.Id, "config.Id");
        cancellationToken.ThrowIfCancellationRequested();
        Entry entry = Find(config.TaskId);
        lock (entry.Gate)
        {
            PushState push = entry.Push ??= new PushState();
            int at = push.Configs.FindIndex(c => c.Config.Id == config.Id);
            if (at >= 0)
            {
                push.Configs[at] = push.Configs[at] with { Config = config, ProtocolVersion = protocolVersion };
            }
            else if (push.Configs.Count >= maxConfigsPerTask)
            {
                throw new PushConfigLimitExceededException(config.TaskId, maxConfigsPerTask);
            }
            else
            {
                push.Configs.Add(new StoredPushConfig(config, deliveredSequence, protocolVersion));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredPushConfig>> ListPushConfigsAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_tasks.TryGetValue(taskId, out Entry? entry))
        {
            return ValueTask.FromResult<IReadOnlyList<StoredPushConfig>>([]);
        }

        lock (entry.Gate)
        {
            return ValueTask.FromResult<IReadOnlyList<StoredPushConfig>>(entry.Push?.Configs.ToArray() ?? []);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeletePushConfigAsync(string taskId, string configId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(configId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_tasks.TryGetValue(taskId, out Entry? entry))
        {
            return ValueTask.FromResult(false);
        }

        lock (entry.Gate)
        {
            return ValueTask.FromResult(entry.Push?.Configs.RemoveAll(c => c.Config.Id == configId) > 0);
        }
    }

    /// <inheritdoc />
    public ValueTask AdvancePushConfigAsync(string taskId, string configId, long deliveredSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(configId);
        if (_tasks.TryGetValue(taskId, out Entry? entry))
        {
            lock (entry.Gate)
            {
                List<StoredPushConfig>? configs = entry.Push?.Configs;
                int at = configs?.FindIndex(c => c.Config.Id == configId) ?? -1;
                if (at >= 0 && configs![at].DeliveredSequence < deliveredSequence)
                {
                    configs[at] = configs[at] with { DeliveredSequence = deliveredSequence };
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> TryClaimPushDeliveryAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (!_tasks.TryGetValue(taskId, out Entry? entry))
        {
            return ValueTask.FromResult(false);
        }

        lock (entry.Gate)
        {
            return ValueTask.FromResult(TryClaim(entry, owner, duration, _time.GetUtcNow()));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ClaimPushDeliveriesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        DateTimeOffset now = _time.GetUtcNow();
        var claimed = new List<string>();
        foreach ((string id, Entry entry) in _tasks)
        {
            if (claimed.Count == maxCount)
            {
                break;
            }

            if (entry.Push is null)
            {
                continue; // never had a configuration (read without the lock: a stale null only defers it to the next poll)
            }

            lock (entry.Gate)
            {
                if (entry.Push is { Configs.Count: > 0 } push
                    && push.Configs.Exists(c => c.DeliveredSequence < entry.Current.Version)
                    && TryClaim(entry, owner, duration, now))
                {
                    claimed.Add(id);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<string>>(claimed);
    }

    /// <inheritdoc />
    public ValueTask ReleasePushDeliveryAsync(string taskId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (_tasks.TryGetValue(taskId, out Entry? entry))
        {
            lock (entry.Gate)
            {
                if (entry.Push is { } push && push.Owner == owner)
                {
                    push.Owner = null;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private static bool TryClaim(Entry entry, string owner, TimeSpan duration, DateTimeOffset now)
    {
        PushState push = entry.Push ??= new PushState();
        if (push.Owner is not null && push.Owner != owner && push.ClaimExpires > now)
        {
            return false;
        }

        push.Owner = owner;
        push.ClaimExpires = now + duration;
        return true;
    }

    private sealed class PushState
    {
        public List<StoredPushConfig> Configs { get; } = [];

        public string? Owner { get; set; }

        public DateTimeOffset ClaimExpires { get; set; }
    }
}
