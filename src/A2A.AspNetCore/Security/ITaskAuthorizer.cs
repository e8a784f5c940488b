using A2A.Protocol;
using A2A.Tasks;

namespace A2A.AspNetCore.Security;

/// <summary>What a caller asks to do with an existing task.</summary>
public enum TaskOperation
{
    /// <summary><c>GetTask</c>, or the task appearing in <c>ListTasks</c>.</summary>
    Read,

    /// <summary><c>CancelTask</c>.</summary>
    Cancel,

    /// <summary><c>SubscribeToTask</c>.</summary>
    Subscribe,

    /// <summary>A <c>SendMessage</c> or <c>SendStreamingMessage</c> that continues the task (its message names the task).</summary>
    Continue,

    /// <summary>Creating, reading, listing or deleting the task's push notification configurations.</summary>
    ManagePushNotifications,
}

/// <summary>
/// A rule of the application's own on top of task ownership. Every operation on an existing task is first limited to
/// the task's owner (the caller that created it, in the same tenant); a registered authorizer is then asked, and can
/// only narrow that (for example: only callers with a role may cancel). A denial is reported exactly like an unknown
/// task (<c>TaskNotFoundError</c>), so a caller learns nothing about tasks it may not use.
/// </summary>
/// <remarks>
/// Register one in the service container (<c>services.AddSingleton&lt;ITaskAuthorizer, MyRules&gt;()</c>); every
/// agent the application maps uses it. It runs on every call that names a task, and once per task listed: keep it fast.
/// </remarks>
public interface ITaskAuthorizer
{
    /// <summary>Whether <paramref name="caller"/>, who owns <paramref name="task"/>, may perform <paramref name="operation"/> on it.</summary>
    ValueTask<bool> AuthorizeAsync(TaskCaller caller, AgentTask task, TaskOperation operation, CancellationToken cancellationToken);
}
