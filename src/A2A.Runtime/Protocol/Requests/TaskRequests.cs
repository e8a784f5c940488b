using System.Text.Json;

namespace A2A.Protocol;

/// <summary>Parameters of <c>GetTask</c>.</summary>
public sealed record GetTaskRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>The task id. Required.</summary>
    public string? Id { get; init; }

    /// <summary>At most this many of the newest history messages; 0 means none; null means no limit.</summary>
    public int? HistoryLength { get; init; }
}

/// <summary>Parameters of <c>CancelTask</c>.</summary>
public sealed record CancelTaskRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>The task id. Required.</summary>
    public string? Id { get; init; }

    /// <summary>Extra parameters.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}

/// <summary>Parameters of <c>SubscribeToTask</c>.</summary>
public sealed record SubscribeToTaskRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>The task id. Required.</summary>
    public string? Id { get; init; }
}

/// <summary>Parameters of <c>GetExtendedAgentCard</c>.</summary>
public sealed record GetExtendedAgentCardRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }
}

/// <summary>Parameters of <c>ListTasks</c>: filters and paging.</summary>
public sealed record ListTasksRequest
{
    /// <summary>Optional routing identifier.</summary>
    public string? Tenant { get; init; }

    /// <summary>Only tasks of this context.</summary>
    public string? ContextId { get; init; }

    /// <summary>Only tasks in this state (<see cref="TaskState.Unspecified"/>: any).</summary>
    public TaskState Status { get; init; }

    /// <summary>Page size, 1 to 100; 50 when null.</summary>
    public int? PageSize { get; init; }

    /// <summary>The <see cref="ListTasksResponse.NextPageToken"/> of the previous page.</summary>
    public string? PageToken { get; init; }

    /// <summary>At most this many of each task's newest history messages; 0 means none.</summary>
    public int? HistoryLength { get; init; }

    /// <summary>Only tasks whose status changed at or after this instant.</summary>
    public DateTimeOffset? StatusTimestampAfter { get; init; }

    /// <summary>Include artifacts (off by default, to keep pages small).</summary>
    public bool? IncludeArtifacts { get; init; }
}

/// <summary>Result of <c>ListTasks</c>.</summary>
public sealed record ListTasksResponse
{
    // ProtoJSON omits empty values, and System.Text.Json's generated code sets a missing init-only property to
    // null rather than keeping its initializer: the getters turn that back into the empty value.

    /// <summary>The tasks on this page, newest status first.</summary>
    public IReadOnlyList<AgentTask> Tasks { get => field ?? []; init; }

    /// <summary>Token for the next page; empty on the last page.</summary>
    public string NextPageToken { get => field ?? ""; init; }

    /// <summary>The page size used.</summary>
    public int PageSize { get; init; }

    /// <summary>How many tasks match the filter in all.</summary>
    public int TotalSize { get; init; }
}
