using A2A.Json;
using A2A.Protocol;
using A2A.Tasks;

namespace A2A.AspNetCore.Push;

/// <summary>
/// Feeds received push notifications into the <see cref="ClientTaskManager"/>s of the tasks you track, tolerating
/// duplicate deliveries: a notification that repeats the one a task received last (what an at-least-once delivery
/// sends again) is acknowledged without being applied twice. Thread-safe; plug <see cref="ReceiveAsync"/> into
/// <see cref="PushReceiverOptions.OnNotification"/>.
/// </summary>
public sealed class PushNotificationTaskFeed
{
    private readonly Dictionary<string, Tracked> _tasks = new(StringComparer.Ordinal);

    /// <summary>Raised after a notification changed a tracked task, with the task as it is now (on the receiving request's thread).</summary>
    public event Action<AgentTask>? TaskUpdated;

    /// <summary>Starts tracking a task: notifications for it go to <paramref name="manager"/> (a new one when null).</summary>
    /// <returns>The manager that receives the task's notifications.</returns>
    public ClientTaskManager Track(string taskId, ClientTaskManager? manager = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        lock (_tasks)
        {
            if (!_tasks.TryGetValue(taskId, out Tracked? tracked))
            {
                _tasks[taskId] = tracked = new Tracked(manager ?? new ClientTaskManager());
            }

            return tracked.Manager;
        }
    }

    /// <summary>Stops tracking a task; later notifications for it are answered 404 (not expected).</summary>
    public bool Untrack(string taskId)
    {
        lock (_tasks)
        {
            return _tasks.Remove(taskId);
        }
    }

    /// <summary>The task as its notifications left it, or null when it is not tracked (or nothing arrived yet).</summary>
    public AgentTask? GetTask(string taskId)
    {
        lock (_tasks)
        {
            return _tasks.TryGetValue(taskId, out Tracked? tracked) ? tracked.Manager.GetTask() : null;
        }
    }

    /// <summary>
    /// Applies a notification to its task's manager: true when the task is tracked (the notification applied, or a
    /// duplicate of the last one ignored), false when it is not.
    /// </summary>
    /// <exception cref="Errors.InvalidAgentResponseException">The notification breaks the task's lifecycle.</exception>
    public ValueTask<bool> ReceiveAsync(StreamResponse notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        AgentTask updated;
        lock (_tasks)
        {
            if (notification.TaskId is not { Length: > 0 } taskId || !_tasks.TryGetValue(taskId, out Tracked? tracked))
            {
                return ValueTask.FromResult(false);
            }

            string json = A2AJson.Serialize(notification);
            if (json == tracked.Last)
            {
                return ValueTask.FromResult(true);
            }

            updated = tracked.Manager.SaveTaskEvent(notification);
            tracked.Last = json;
        }

        TaskUpdated?.Invoke(updated);
        return ValueTask.FromResult(true);
    }

    private sealed class Tracked(ClientTaskManager manager)
    {
        public ClientTaskManager Manager { get; } = manager;

        public string? Last { get; set; }
    }
}
