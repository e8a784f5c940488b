using System.Globalization;
using A2A.Errors;
using A2A.Protocol;

namespace A2A.Storage;

/// <summary>
/// A task's place in the ListTasks order, the same in every store: newest status first, then task id (ordinal). Its
/// text form is the page token: a page ends at a key, and the next page starts strictly after it (keyset paging, so
/// tasks that change between pages are neither skipped twice nor repeated by an offset).
/// </summary>
/// <param name="StatusTicks">The status timestamp in UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>); 0 when the task has none.</param>
/// <param name="TaskId">The task id.</param>
public readonly record struct TaskListKey(long StatusTicks, string TaskId)
{
    /// <summary>The list order: <see cref="StatusTicks"/> descending, then <see cref="TaskId"/> ordinal ascending.</summary>
    public static IComparer<TaskListKey> Order { get; } = Comparer<TaskListKey>.Create(static (a, b) =>
        a.StatusTicks != b.StatusTicks ? b.StatusTicks.CompareTo(a.StatusTicks) : string.CompareOrdinal(a.TaskId, b.TaskId));

    /// <summary>The key of <paramref name="task"/> as it is now.</summary>
    public static TaskListKey Of(AgentTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new((task.Status.Timestamp ?? DateTimeOffset.MinValue).UtcTicks, task.Id);
    }

    /// <summary>Reads a page token.</summary>
    /// <exception cref="InvalidParamsException">The token is not one a store issued (-32602 on the wire).</exception>
    public static TaskListKey Parse(string pageToken)
    {
        ArgumentNullException.ThrowIfNull(pageToken);
        int dot = pageToken.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < pageToken.Length - 1
            && long.TryParse(pageToken.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                ? new TaskListKey(ticks, pageToken[(dot + 1)..])
                : throw new InvalidParamsException("pageToken is not a token this server issued; pass the nextPageToken of the previous page, or none for the first page.");
    }

    /// <summary>The page token: ticks, a dot, the task id.</summary>
    public override string ToString() => StatusTicks.ToString(CultureInfo.InvariantCulture) + "." + TaskId;
}
