using System.Data.Common;
using A2A.Protocol;
using Microsoft.Extensions.Logging;

namespace A2A.Storage;

/// <summary>
/// ListTasks in SQL over the durable stores' <c>a2a_tasks</c> table, compiled into each SQL store: the filters of a
/// <see cref="TaskQuery"/> as a WHERE clause the indexes serve (by owner, by context, else by status time), and a page as a seek
/// strictly past the page token's key in the order every store lists (newest status first, then task id). The stores
/// differ only in how a parameter is written, which the caller supplies.
/// </summary>
internal static class TaskListSql
{
    /// <summary>The order of every page.</summary>
    public const string OrderBy = "ORDER BY status_ticks DESC, id";

    /// <summary>The columns a page query selects, in the order <see cref="ReadPageAsync"/> reads them.</summary>
    public const string PageColumns = "id, task, status_ticks";

    /// <summary>
    /// The tasks of a page and the next page's token, from a page query that selected <see cref="PageColumns"/> in
    /// list order and asked for one row more than <paramref name="pageSize"/> (whether it came says whether a next page
    /// exists). A row this version cannot read is left out and logged: it takes its place in the paging (the next page
    /// starts after it) but never fails the list for everyone.
    /// </summary>
    public static async Task<(List<AgentTask> Tasks, string NextPageToken)> ReadPageAsync(DbDataReader reader, int pageSize, string store, ILogger logger, CancellationToken cancellationToken)
    {
        var tasks = new List<AgentTask>(Math.Min(pageSize, 16));
        TaskListKey last = default;
        int rows = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows++ == pageSize)
            {
                return (tasks, last.ToString());
            }

            string id = reader.GetString(0);
            last = new TaskListKey(reader.GetInt64(2), id);
            if (StoredJson.TaskOrSkip(reader.GetString(1), id, store, logger) is { } task)
            {
                tasks.Add(task);
            }
        }

        return (tasks, "");
    }

    /// <summary>
    /// The WHERE clause of the filters (for counting the matches) and the one of the page (filters and seek).
    /// <paramref name="parameter"/> adds a parameter with the value (a string or a long) and returns its placeholder;
    /// the filters' parameters come first, then the seek's.
    /// </summary>
    public static (string Filters, string Page) Where(TaskQuery query, TaskListKey? after, Func<object, string> parameter)
    {
        var filters = new List<string>();
        if (query.Owner is not null)
        {
            filters.Add("task_owner = " + parameter(query.Owner));
        }

        if (query.ContextId is not null)
        {
            filters.Add("context_id = " + parameter(query.ContextId));
        }

        if (query.State is { } state)
        {
            filters.Add("state = " + parameter((long)state));
        }

        if (query.ActiveOnly)
        {
            filters.Add("finished_ticks IS NULL");
        }

        if (query.StatusTimestampAfter is { } since)
        {
            filters.Add("status_ticks > " + parameter(since.UtcTicks));
        }

        string where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        if (after is not { } key)
        {
            return (where, where);
        }

        string ticks = parameter(key.StatusTicks);
        string id = parameter(key.TaskId);
        return (where, (where.Length == 0 ? "WHERE " : where + " AND ") + $"(status_ticks < {ticks} OR (status_ticks = {ticks} AND id > {id}))");
    }
}
