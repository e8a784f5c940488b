namespace A2A.Protocol;

/// <summary>Parameters of <c>GetTaskPushNotificationConfig</c>.</summary>
public sealed record GetTaskPushNotificationConfigRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>The task the configuration belongs to. Required.</summary>
    public string? TaskId { get; init; }

    /// <summary>The configuration's id. Required.</summary>
    public string? Id { get; init; }
}

/// <summary>Parameters of <c>DeleteTaskPushNotificationConfig</c>.</summary>
public sealed record DeleteTaskPushNotificationConfigRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>The task the configuration belongs to. Required.</summary>
    public string? TaskId { get; init; }

    /// <summary>The configuration's id. Required.</summary>
    public string? Id { get; init; }
}

/// <summary>Parameters of <c>ListTaskPushNotificationConfigs</c>.</summary>
public sealed record ListTaskPushNotificationConfigsRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>The task whose configurations are listed. Required.</summary>
    public string? TaskId { get; init; }

    /// <summary>At most this many configurations (all of them when null or 0).</summary>
    public int? PageSize { get; init; }

    /// <summary>The <see cref="ListTaskPushNotificationConfigsResponse.NextPageToken"/> of the previous page.</summary>
    public string? PageToken { get; init; }
}

/// <summary>Result of <c>ListTaskPushNotificationConfigs</c>.</summary>
public sealed record ListTaskPushNotificationConfigsResponse
{
    /// <summary>The task's configurations on this page.</summary>
    public IReadOnlyList<TaskPushNotificationConfig> Configs { get => field ?? []; init; }

    /// <summary>Token for the next page; empty on the last page.</summary>
    public string NextPageToken { get => field ?? ""; init; }
}
