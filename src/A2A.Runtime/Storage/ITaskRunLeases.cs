using A2A.Protocol;

namespace A2A.Storage;

/// <summary>
/// Which server instance is running each task's handler, kept by a task store that several instances (or successive
/// runs of one) share. A lease makes an instance the only one that runs a task's handler (a follow-up message that
/// reaches another instance meanwhile is refused), and an instance that dies leaves its tasks to the others: it
/// stops renewing, its leases expire, and a survivor takes them over to settle the tasks.
/// </summary>
/// <remarks>
/// A store implements this next to <see cref="ITaskStore"/> when its tasks outlive the process. Expiry is judged by
/// one clock for every instance (the database's, where there is one), so instances need not agree on the time.
/// Leases cost no commit of their own on a task's usual path: a new task is stored together with its runner's lease
/// (<see cref="CreateLeasedAsync"/>), a follow-up's lease by the write that appends its message
/// (<see cref="UpdateLeasedAsync"/>), and the write that makes a task terminal (<see cref="ITaskStore.UpdateAsync"/>)
/// ends its lease in the same transaction, since a finished task has nothing left for a runner to answer for.
/// </remarks>
public interface ITaskRunLeases
{
    /// <summary>
    /// Stores a new task as <see cref="ITaskStore.CreateAsync(AgentTask, string?, CancellationToken)"/> does (with its
    /// first change, as <see cref="ITaskStore.CreateAsync(AgentTask, string?, TaskChange, CancellationToken)"/> does,
    /// when <paramref name="firstChange"/> is given), and makes <paramref name="leaseOwner"/> its runner for
    /// <paramref name="leaseDuration"/> in the same transaction: the task never exists without an instance answerable
    /// for it. A first change that finishes the task leaves no lease.
    /// </summary>
    /// <exception cref="Errors.TaskAlreadyExistsException">A task with the same id exists; nothing was written.</exception>
    ValueTask<StoredTask> CreateLeasedAsync(AgentTask task, string? owner, TaskChange? firstChange, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="owner"/> the runner of the task for <paramref name="duration"/>: true when nobody held a
    /// lease, the lease had expired, or <paramref name="owner"/> already held it; false while another owner's lease runs.
    /// The task need not be stored yet.
    /// </summary>
    ValueTask<bool> TryAcquireLeaseAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the task as <see cref="ITaskStore.UpdateAsync"/> does and makes <paramref name="leaseOwner"/> its runner
    /// for <paramref name="leaseDuration"/>, in the same transaction: what a follow-up message writes, so that its lease
    /// costs no commit of its own. A change that finishes the task ends its lease instead.
    /// </summary>
    /// <exception cref="Errors.TaskRunningElsewhereException">Another owner's lease is running; nothing was written.</exception>
    /// <exception cref="Errors.TaskNotFoundException">The id is unknown.</exception>
    /// <exception cref="Errors.TaskVersionConflictException">Another writer got there first; nothing was written.</exception>
    ValueTask<StoredTask> UpdateLeasedAsync(AgentTask task, long expectedVersion, StreamResponse change, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Extends every lease <paramref name="owner"/> holds to <paramref name="duration"/> from now (its heartbeat).</summary>
    ValueTask RenewLeasesAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, if <paramref name="owner"/> still holds it.</summary>
    ValueTask ReleaseLeaseAsync(string taskId, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes over up to <paramref name="maxCount"/> expired leases for <paramref name="owner"/> (for
    /// <paramref name="duration"/>) and returns their task ids. Two owners calling at once never take the same lease.
    /// </summary>
    ValueTask<IReadOnlyList<string>> TakeExpiredLeasesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default);
}
