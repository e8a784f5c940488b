using System.Text.Json;

namespace A2A.Protocol;

/// <summary>Parameters of <c>SendMessage</c> and <c>SendStreamingMessage</c>.</summary>
public sealed record SendMessageRequest
{
    /// <summary>Optional routing identifier; must match the selected interface's tenant when that is set.</summary>
    public string? Tenant { get; init; }

    /// <summary>The message to send. Required.</summary>
    public Message? Message { get; init; }

    /// <summary>How the agent should answer.</summary>
    public SendMessageConfiguration? Configuration { get; init; }

    /// <summary>Extra parameters for the agent.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}

/// <summary>How a <see cref="SendMessageRequest"/> should be answered.</summary>
public sealed record SendMessageConfiguration
{
    /// <summary>Media types the client accepts in response parts.</summary>
    public IReadOnlyList<string>? AcceptedOutputModes { get; init; }

    /// <summary>A push notification configuration for the task this message creates or continues (its task id is left empty).</summary>
    public TaskPushNotificationConfig? TaskPushNotificationConfig { get; init; }

    /// <summary>At most this many of the newest history messages in the answer; 0 means none; null means no limit.</summary>
    public int? HistoryLength { get; init; }

    /// <summary>Answer right after the task is created instead of waiting for a terminal or interrupted state.</summary>
    public bool ReturnImmediately { get; init; }
}
