using System.Collections.Concurrent;
using A2A.Errors;

namespace A2A.Storage;

/// <summary>
/// The waiting half of <see cref="ITaskStore.WaitForEventsAsync"/> for a store whose data lives outside the process:
/// waiters park on a per-task signal that the store's own writes (and any change feed it has) complete, and look at
/// the store again every poll interval in case a writer the store cannot hear got there.
/// </summary>
/// <remarks>For store authors: a durable store keeps one instance, calls <see cref="Wake"/> after each commit that
/// touched a task, and <see cref="WakeAll"/> when it may have missed news (a change feed that reconnected).</remarks>
public sealed class TaskEventSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;

    /// <summary>Creates the signals.</summary>
    /// <param name="pollInterval">How often a waiter looks at the store without being woken.</param>
    /// <param name="timeProvider">The clock of the poll interval.</param>
    public TaskEventSignals(TimeSpan pollInterval, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        _pollInterval = pollInterval;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Completes once <paramref name="readVersion"/> (the task's stored version, null when the task is unknown) is
    /// greater than <paramref name="afterSequence"/>.
    /// </summary>
    /// <exception cref="TaskNotFoundException">The task is unknown, or was deleted while waiting.</exception>
    public async ValueTask WaitAsync(string taskId, long afterSequence, Func<string, CancellationToken, ValueTask<long?>> readVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(readVersion);
        while (true)
        {
            // Listen first, then look: a write committed between the two still completes the signal. The look is not
            // canceled once started: it is one short read, and stopping a database statement mid-flight costs more than
            // finishing it (PostgreSQL cancels through a connection of its own). Only the waiting is canceled.
            cancellationToken.ThrowIfCancellationRequested();
            TaskCompletionSource signal = _waiters.GetOrAdd(taskId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            long version = await readVersion(taskId, CancellationToken.None).ConfigureAwait(false) ?? throw new TaskNotFoundException(taskId);
            if (version > afterSequence)
            {
                return;
            }

            try
            {
                await signal.Task.WaitAsync(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A writer this store cannot hear may have written: look again.
            }
        }
    }

    /// <summary>Wakes the waiters of a task that changed (or was deleted).</summary>
    public void Wake(string taskId)
    {
        if (_waiters.TryRemove(taskId, out TaskCompletionSource? waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Wakes every waiter, so each looks at the store again.</summary>
    public void WakeAll()
    {
        foreach (string taskId in _waiters.Keys)
        {
            Wake(taskId);
        }
    }
}
