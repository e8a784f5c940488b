using System.Runtime.CompilerServices;
using A2A.Errors;
using A2A.Protocol;
using A2A.Storage;

namespace A2A.Tasks;

/// <summary>
/// Reads a task's event log as a live stream over any <see cref="ITaskStore"/>. Each subscriber keeps its own cursor
/// into the one log, so any number of subscribers each see every event, in order, with no per-subscriber buffer.
/// </summary>
internal static class TaskEventStream
{
    private const int BatchSize = 256;

    public static async IAsyncEnumerable<TaskEventRecord> SubscribeAsync(
        ITaskStore store,
        string taskId,
        TaskSubscriptionOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long cursor;
        if (options.AfterSequence is { } after)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(after, nameof(options.AfterSequence));
            cursor = after;
        }
        else
        {
            StoredTask stored = await store.GetAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotFoundException(taskId);
            yield return new TaskEventRecord(stored.Version, StreamResponse.From(stored.Task));

            // A snapshot ends the stream only when terminal: a subscriber to an interrupted task is waiting for the
            // follow-up and what the agent does next.
            if (stored.Task.Status.State.IsTerminal())
            {
                yield break;
            }

            cursor = stored.Version;
        }

        while (true)
        {
            IReadOnlyList<TaskEventRecord> batch = await store.ReadEventsAsync(taskId, cursor, BatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                await store.WaitForEventsAsync(taskId, cursor, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (TaskEventRecord record in batch)
            {
                cursor = record.Sequence;
                yield return record;
                TaskState? state = record.Event.StatusUpdate?.Status.State ?? record.Event.Task?.Status.State;
                if (state is { } reached && IsEnd(reached, options))
                {
                    yield break;
                }
            }
        }
    }

    private static bool IsEnd(TaskState state, TaskSubscriptionOptions options) =>
        state.IsTerminal() || (options.EndAtInterruption && state.IsInterrupted());
}
