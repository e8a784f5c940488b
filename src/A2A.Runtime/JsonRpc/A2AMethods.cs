namespace A2A.JsonRpc;

/// <summary>The A2A v1.0 JSON-RPC method names.</summary>
public static class A2AMethods
{
    /// <summary>Send a message; answer with the task (or a message) once it is terminal or interrupted.</summary>
    public const string SendMessage = "SendMessage";

    /// <summary>Send a message; answer with a server-sent event stream of the task's changes.</summary>
    public const string SendStreamingMessage = "SendStreamingMessage";

    /// <summary>Read a task.</summary>
    public const string GetTask = "GetTask";

    /// <summary>List tasks with filters and paging.</summary>
    public const string ListTasks = "ListTasks";

    /// <summary>Cancel a task.</summary>
    public const string CancelTask = "CancelTask";

    /// <summary>Stream a task's changes from now on.</summary>
    public const string SubscribeToTask = "SubscribeToTask";

    /// <summary>Create a push notification configuration.</summary>
    public const string CreateTaskPushNotificationConfig = "CreateTaskPushNotificationConfig";

    /// <summary>Read a push notification configuration.</summary>
    public const string GetTaskPushNotificationConfig = "GetTaskPushNotificationConfig";

    /// <summary>List push notification configurations.</summary>
    public const string ListTaskPushNotificationConfigs = "ListTaskPushNotificationConfigs";

    /// <summary>Delete a push notification configuration.</summary>
    public const string DeleteTaskPushNotificationConfig = "DeleteTaskPushNotificationConfig";

    /// <summary>Read the agent card for authenticated clients.</summary>
    public const string GetExtendedAgentCard = "GetExtendedAgentCard";

    /// <summary>The protocol version this library speaks (the <c>A2A-Version</c> header value).</summary>
    public const string ProtocolVersion = "1.0";

    /// <summary>The header that carries the protocol version.</summary>
    public const string VersionHeader = "A2A-Version";
}
