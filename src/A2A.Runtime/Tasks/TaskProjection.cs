using System.Text.Json;
using A2A.Errors;
using A2A.Lifecycle;
using A2A.Protocol;

namespace A2A.Tasks;

/// <summary>
/// The one fold that turns a task plus an event into the next task. The server's <see cref="TaskManager"/>, the
/// <see cref="ResultAggregator"/>, the <see cref="ClientTaskManager"/> and event-log replay all use it, so a
/// task rebuilt from its events is the task that was stored, on either side of the wire.
/// </summary>
/// <remarks>
/// Rules: a status update moves the previous status message into history, then sets the new status (checked by the
/// lifecycle); an artifact update adds or replaces an artifact (<c>append: false</c>) or extends an existing one
/// (<c>append: true</c>, which must exist); a message moves the status message into history, then appends itself;
/// a task snapshot replaces the task (its state change checked by the lifecycle). Nothing changes a terminal task.
/// </remarks>
public static class TaskProjection
{
    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="current"/> and returns the new task.
    /// </summary>
    /// <param name="current">The task before the change. A task in <see cref="TaskState.Unspecified"/> is a placeholder whose state is not known yet (client side): its first status is accepted as it comes.</param>
    /// <param name="change">A task snapshot, status update, artifact update or message for the same task.</param>
    /// <param name="lifecycle">The table that decides which status changes are legal.</param>
    /// <exception cref="InvalidParamsException">The event is for another task or context, or is empty.</exception>
    /// <exception cref="InvalidTaskStateException">The change is illegal in the task's state.</exception>
    /// <exception cref="InvalidAgentResponseException">An append names an artifact the task does not have.</exception>
    public static AgentTask Apply(AgentTask current, StreamResponse change, TaskLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(lifecycle);

        switch (change.Kind)
        {
            case StreamResponseKind.Task:
                return ApplySnapshot(current, change.Task!, lifecycle);
            case StreamResponseKind.StatusUpdate:
                return ApplyStatus(current, change.StatusUpdate!, lifecycle);
            case StreamResponseKind.ArtifactUpdate:
                return ApplyArtifact(current, change.ArtifactUpdate!);
            case StreamResponseKind.Message:
                return ApplyMessage(current, change.Message!);
            default:
                throw new InvalidParamsException("The event carries no payload: set exactly one of task, message, statusUpdate or artifactUpdate.");
        }
    }

    /// <summary>
    /// Client-side fold of an event received from a remote agent: the first update of an unknown task starts from a
    /// placeholder (the client did not see how it began), and every lifecycle or protocol violation becomes
    /// <see cref="InvalidAgentResponseException"/>, because the peer broke the protocol, not the caller.
    /// </summary>
    internal static AgentTask ApplyRemote(AgentTask? current, StreamResponse change, TaskLifecycle lifecycle)
    {
        if (current is null)
        {
            if (change.Task is { } first)
            {
                return first;
            }

            current = new AgentTask { Id = change.TaskId ?? "", ContextId = change.ContextId, Status = new AgentTaskStatus { State = TaskState.Unspecified } };
        }

        try
        {
            return Apply(current, change, lifecycle);
        }
        catch (A2AException ex) when (ex is not InvalidAgentResponseException)
        {
            throw new InvalidAgentResponseException($"The agent sent an event that breaks the A2A protocol: {ex.Message}", ex);
        }
    }

    /// <summary>Rebuilds a task from its event log: the first event must be the task's creation snapshot.</summary>
    /// <exception cref="InvalidParamsException">The log is empty or does not start with a task snapshot.</exception>
    public static AgentTask Replay(IEnumerable<StreamResponse> events, TaskLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(events);
        AgentTask? task = null;
        foreach (StreamResponse change in events)
        {
            task = task is null
                ? change.Task ?? throw new InvalidParamsException("A task's event log must start with the task snapshot that created it.")
                : Apply(task, change, lifecycle);
        }

        return task ?? throw new InvalidParamsException("The event log is empty; there is no task to rebuild.");
    }

    /// <summary>Moves the current status message (if any) into history, as every status change and message does.</summary>
    public static AgentTask MoveStatusMessageToHistory(AgentTask task) =>
        task.Status.Message is { } previous
            ? task with { History = FrozenList<Message>.Append(task.History, ModelSnapshot.Freeze(previous), ModelSnapshot.Freeze), Status = task.Status with { Message = null } }
            : task;

    private static AgentTask ApplySnapshot(AgentTask current, AgentTask snapshot, TaskLifecycle lifecycle)
    {
        EnsureSameTask(current, snapshot.Id, snapshot.ContextId, "task snapshot");
        TaskState from = current.Status.State;
        TaskState to = snapshot.Status.State;

        // A snapshot is the task as it is now, and may skip the states in between (a blocking follow-up to an
        // input-required task returns it completed). It is refused only when it would leave a terminal state, or
        // reach a state the lifecycle does not contain; a resend of the same state is fine (the spec lets a stream
        // repeat the final snapshot).
        if (from != TaskState.Unspecified && from != to && (from.IsTerminal() || !lifecycle.Declares(to)))
        {
            lifecycle.EnsureTransition(current.Id, from, to);
        }

        return snapshot;
    }

    private static AgentTask ApplyStatus(AgentTask current, TaskStatusUpdateEvent update, TaskLifecycle lifecycle)
    {
        EnsureSameTask(current, update.TaskId, update.ContextId, "status update");
        TaskState from = current.Status.State;
        if (from != TaskState.Unspecified || update.Status.State == TaskState.Unspecified)
        {
            lifecycle.EnsureTransition(current.Id, from, update.Status.State);
        }

        AgentTask moved = MoveStatusMessageToHistory(current);
        return moved with
        {
            Status = update.Status,
            Metadata = Merge(moved.Metadata, update.Metadata),
        };
    }

    private static AgentTask ApplyArtifact(AgentTask current, TaskArtifactUpdateEvent update)
    {
        EnsureSameTask(current, update.TaskId, update.ContextId, "artifact update");
        EnsureNotTerminal(current, "add an artifact to");
        Artifact incoming = update.Artifact;
        if (string.IsNullOrEmpty(incoming.ArtifactId))
        {
            throw new InvalidParamsException($"An artifact update for task {current.Id} has no artifactId. Every artifact needs an id unique within its task.");
        }

        int index = IndexOf(current.Artifacts, incoming.ArtifactId);
        Artifact result;
        if (update.Append)
        {
            if (index < 0)
            {
                throw new InvalidAgentResponseException(
                    $"Cannot append to artifact '{incoming.ArtifactId}' of task {current.Id}: the task has no artifact with that id. " +
                    "Send the first chunk with append = false; later chunks with append = true.");
            }

            Artifact existing = current.Artifacts[index];
            result = existing with
            {
                Parts = FrozenList<Part>.Concat(existing.Parts, incoming.Parts, ModelSnapshot.Freeze),
                Name = incoming.Name ?? existing.Name,
                Description = incoming.Description ?? existing.Description,
                Metadata = Merge(existing.Metadata, incoming.Metadata),
                Extensions = incoming.Extensions.Count == 0 ? existing.Extensions : [.. existing.Extensions.Union(incoming.Extensions)],
            };
        }
        else
        {
            result = incoming;
        }

        // Lists are built frozen, so a stored task's snapshot costs O(this chunk), not O(all chunks so far).
        return current with { Artifacts = FrozenList<Artifact>.SetOrAppend(current.Artifacts, index < 0 ? current.Artifacts.Count : index, result, ModelSnapshot.Freeze) };
    }

    private static AgentTask ApplyMessage(AgentTask current, Message message)
    {
        EnsureSameTask(current, message.TaskId ?? current.Id, message.ContextId, "message");
        EnsureNotTerminal(current, "add a message to");
        AgentTask moved = MoveStatusMessageToHistory(current);
        return moved with { History = FrozenList<Message>.Append(moved.History, ModelSnapshot.Freeze(message), ModelSnapshot.Freeze) };
    }

    private static void EnsureSameTask(AgentTask current, string taskId, string? contextId, string what)
    {
        if (!string.Equals(current.Id, taskId, StringComparison.Ordinal))
        {
            throw new InvalidParamsException($"A {what} for task '{taskId}' was applied to task '{current.Id}'. Route each event to the task it names.");
        }

        if (!string.IsNullOrEmpty(contextId) && !string.IsNullOrEmpty(current.ContextId) && !string.Equals(current.ContextId, contextId, StringComparison.Ordinal))
        {
            throw new InvalidParamsException(
                $"A {what} for task '{current.Id}' names context '{contextId}', but the task belongs to context '{current.ContextId}'. A task never changes context.");
        }
    }

    private static void EnsureNotTerminal(AgentTask current, string action)
    {
        if (current.Status.State.IsTerminal())
        {
            throw new InvalidTaskStateException(current.Id, current.Status.State, null,
                $"Cannot {action} task {current.Id}: it is already {current.Status.State.ToWireName()}, a terminal state. Terminal tasks never change; start a new task.");
        }
    }

    private static int IndexOf(IReadOnlyList<Artifact> artifacts, string artifactId)
    {
        for (int i = 0; i < artifacts.Count; i++)
        {
            if (string.Equals(artifacts[i].ArtifactId, artifactId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static IReadOnlyDictionary<string, JsonElement>? Merge(IReadOnlyDictionary<string, JsonElement>? existing, IReadOnlyDictionary<string, JsonElement>? update)
    {
        if (update is null || update.Count == 0)
        {
            return existing ?? update;
        }

        if (existing is null || existing.Count == 0)
        {
            return update;
        }

        var merged = new Dictionary<string, JsonElement>(existing, StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonElement> pair in update)
        {
            merged[pair.Key] = pair.Value;
        }

        return merged;
    }
}
