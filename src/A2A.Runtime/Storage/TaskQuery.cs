using A2A.Protocol;

namespace A2A.Storage;

/// <summary>Filter and paging for <see cref="ITaskStore.ListAsync"/>.</summary>
public sealed record TaskQuery
{
    /// <summary>The largest page a store returns.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// Only tasks of this owner (<see cref="StoredTask.Owner"/>); the empty string selects the tasks nobody owns, and
    /// null lists every owner's tasks.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>Only tasks of this context.</summary>
    public string? ContextId { get; init; }

    /// <summary>Only tasks in this state.</summary>
    public TaskState? State { get; init; }

    /// <summary>Only tasks that are not terminal (submitted, working, input-required, auth-required).</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>Only tasks whose status changed after this instant.</summary>
    public DateTimeOffset? StatusTimestampAfter { get; init; }

    /// <summary>Page size, 1..<see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The <see cref="TaskPage.NextPageToken"/> of the previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>Returns <paramref name="pageSize"/> when it is between 1 and <see cref="MaxPageSize"/>.</summary>
    /// <exception cref="Errors.InvalidParamsException">It is not (-32602 on the wire).</exception>
    public static int CheckPageSize(int pageSize) =>
        pageSize is < 1 or > MaxPageSize
            ? throw new Errors.InvalidParamsException($"pageSize must be between 1 and {MaxPageSize}; got {pageSize}.")
            : pageSize;

    /// <summary>Whether <paramref name="task"/> passes the filters (context, state, active only, status time); paging aside.</summary>
    public bool Matches(AgentTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return (ContextId is null || string.Equals(task.ContextId, ContextId, StringComparison.Ordinal))
            && (State is null || task.Status.State == State)
            && (!ActiveOnly || !task.Status.State.IsTerminal())
            && (StatusTimestampAfter is null || task.Status.Timestamp > StatusTimestampAfter);
    }
}
