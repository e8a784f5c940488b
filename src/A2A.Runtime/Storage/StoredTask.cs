using A2A.Protocol;

namespace A2A.Storage;

/// <summary>A task as a store holds it, with the version a compare-and-swap write must name.</summary>
/// <param name="Task">The task (an immutable snapshot: safe to share).</param>
/// <param name="Version">Starts at 1 on creation and grows by exactly 1 with every write; equals the sequence number of the task's latest event.</param>
/// <param name="Owner">
/// Who the task belongs to: the owner key its creator was given (see <see cref="ITaskStore.CreateAsync(A2A.Protocol.AgentTask, string?, CancellationToken)"/>), fixed for
/// the task's life; empty for a task nobody owns.
/// </param>
public sealed record StoredTask(AgentTask Task, long Version, string Owner = "");
