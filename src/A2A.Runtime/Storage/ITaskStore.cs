using A2A.Protocol;

namespace A2A.Storage;

/// <summary>
/// Durable home of tasks and their event logs. Every write is a compare-and-swap on the task's version and appends
/// exactly one event, atomically: the log replayed from sequence 1 always rebuilds the stored task, and two writers
/// can never both win (the loser gets <see cref="Errors.TaskVersionConflictException"/> and must re-read).
/// </summary>
/// <remarks>
/// Stores do not judge the lifecycle: <see cref="Tasks.TaskManager"/> checks each change against the fresh version
/// it read, and the version check makes that decision stick. Implementations must hand out values that callers
/// cannot use to change stored state.
/// </remarks>
public interface ITaskStore
{
    /// <summary>Reads a task, or null when the id is unknown.</summary>
    ValueTask<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new task at version 1 with the creation snapshot as event 1.</summary>
    /// <param name="task">The task.</param>
    /// <param name="owner">
    /// The opaque key of the caller the task belongs to, kept with the task for its whole life and matched by
    /// <see cref="TaskQuery.Owner"/>; null or empty for a task nobody owns.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.TaskAlreadyExistsException">A task with the same id exists.</exception>
    ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new task together with its first change: the creation snapshot as event 1, <paramref name="firstChange"/>
    /// as event 2, and the changed task at version 2, as if <see cref="CreateAsync(AgentTask, string?, CancellationToken)"/>
    /// and <see cref="UpdateAsync"/> had run one after the other with nothing between them. A task created by an
    /// agent's first update costs its store one write instead of two; a store that can, writes both in one transaction.
    /// </summary>
    /// <param name="task">The task as created.</param>
    /// <param name="owner">The task's owner, as for <see cref="CreateAsync(AgentTask, string?, CancellationToken)"/>.</param>
    /// <param name="firstChange">The first change and the task after it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.TaskAlreadyExistsException">A task with the same id exists; nothing was written.</exception>
    async ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner, TaskChange firstChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstChange);
        StoredTask created = await CreateAsync(task, owner, cancellationToken).ConfigureAwait(false);
        return await UpdateAsync(firstChange.Result, created.Version, firstChange.Event, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the task if its version is still <paramref name="expectedVersion"/>, appending <paramref name="change"/>
    /// as event <paramref name="expectedVersion"/> + 1.
    /// </summary>
    /// <exception cref="Errors.TaskNotFoundException">The id is unknown.</exception>
    /// <exception cref="Errors.TaskVersionConflictException">Another writer got there first.</exception>
    ValueTask<StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, CancellationToken cancellationToken = default);

    /// <summary>Lists tasks, newest status first.</summary>
    ValueTask<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="maxCount"/> events with a sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    /// <exception cref="Errors.TaskNotFoundException">The id is unknown.</exception>
    ValueTask<IReadOnlyList<TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Removes a task and its event log; false when the id is unknown. Waiting subscribers then see the task gone.</summary>
    ValueTask<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Completes once the task has an event with a sequence greater than <paramref name="afterSequence"/> (at once if it already has).</summary>
    /// <exception cref="Errors.TaskNotFoundException">The id is unknown.</exception>
    ValueTask WaitForEventsAsync(string taskId, long afterSequence, CancellationToken cancellationToken = default);
}
