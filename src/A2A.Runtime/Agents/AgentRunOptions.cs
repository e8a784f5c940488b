using A2A.Protocol;

namespace A2A.Agents;

/// <summary>What <see cref="AgentRunner"/> does when a handler throws.</summary>
public sealed class AgentRunOptions
{
    /// <summary>The options every run uses unless told otherwise: a fixed failure message, no callback.</summary>
    public static AgentRunOptions Default { get; } = new();

    /// <summary>
    /// Whether the failed task's status message includes the exception's message. Off by default: exception text can
    /// carry connection strings, paths or customer data, and the status message goes to the client.
    /// </summary>
    public bool IncludeExceptionMessage { get; init; }

    /// <summary>
    /// Called with the task and the exception when a handler throws (not when it is canceled), before the task is
    /// failed. Hosts log here; an exception thrown by the callback itself is ignored so that the task still fails.
    /// </summary>
    public Action<AgentTask, Exception>? OnHandlerException { get; init; }
}
