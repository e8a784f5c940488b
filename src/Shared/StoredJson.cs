using System.Text.Json;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using Microsoft.Extensions.Logging;

namespace A2A.Storage;

/// <summary>
/// Reads the JSON the SQL stores keep in their rows, compiled into each SQL store. A row this version cannot read
/// (written by an older or newer version, or damaged by hand) is the store's problem, never the caller's: it becomes a
/// <see cref="TaskStoreException"/> naming the task (a server error, not the -32602 a <see cref="JsonException"/> would
/// become on the wire), and a list of tasks skips it with a log entry instead of failing for everyone.
/// </summary>
internal static partial class StoredJson
{
    /// <summary>The stored task, or the store's error naming the task.</summary>
    /// <exception cref="TaskStoreException">The row cannot be read.</exception>
    public static AgentTask Task(string json, string taskId, string store) =>
        Read<AgentTask>(json, store, $"task {taskId}");

    /// <summary>The stored event, or the store's error naming the task and the event.</summary>
    /// <exception cref="TaskStoreException">The row cannot be read.</exception>
    public static StreamResponse Event(string json, string taskId, long sequence, string store) =>
        Read<StreamResponse>(json, store, $"event {sequence} of task {taskId}");

    /// <summary>The stored push notification configuration, or the store's error naming it.</summary>
    /// <exception cref="TaskStoreException">The row cannot be read.</exception>
    public static TaskPushNotificationConfig PushConfig(string json, string taskId, string configId, string store) =>
        Read<TaskPushNotificationConfig>(json, store, $"push notification configuration {configId} of task {taskId}");

    /// <summary>The stored task for a list; null (and a warning naming the task) when the row cannot be read.</summary>
    public static AgentTask? TaskOrSkip(string json, string taskId, string store, ILogger logger)
    {
        try
        {
            return Task(json, taskId, store);
        }
        catch (TaskStoreException unreadable)
        {
            Log.SkippedUnreadableTask(logger, unreadable.InnerException, taskId, store);
            return null;
        }
    }

    private static T Read<T>(string json, string store, string what)
    {
        try
        {
            return A2AJson.Deserialize<T>(json);
        }
        catch (JsonException ex)
        {
            throw new TaskStoreException(
                $"The task store at '{store}' holds {what} in a form this version cannot read ({ex.Message}). It was written by another version of the store or changed by hand; repair or delete that row.",
                ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Task {TaskId} in the task store at '{Store}' cannot be read and was left out of a list of tasks.")]
        public static partial void SkippedUnreadableTask(ILogger logger, Exception? exception, string taskId, string store);
    }
}
