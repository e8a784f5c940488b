using System.Text.Json;
using A2A.Errors;
using A2A.Protocol;

namespace A2A.Tasks;

/// <summary>
/// The agent's handle on one task: move it through its lifecycle, stream artifacts, and write messages. Every
/// call goes through <see cref="TaskManager"/>, where the lifecycle is enforced against the stored task, so the
/// terminal guard holds across updater instances: if two updaters race to finish a task, one wins and the other
/// gets <see cref="InvalidTaskStateException"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Each method returns the task as stored after the change. The updater a handler receives for a
/// message that starts a task creates that task on its first call, unless the handler answers with
/// <see cref="ReplyAsync(Message, CancellationToken)"/> first, in which case no task is ever created.
/// </remarks>
public sealed class TaskUpdater
{
    private readonly TaskManager _manager;
    private readonly TurnAnswer? _turn;
    private readonly KnownVersion _known;

    internal TaskUpdater(TaskManager manager, string taskId, string contextId)
        : this(manager, taskId, contextId, new KnownVersion())
    {
    }

    /// <summary>The updater of one turn: its task may not be stored yet, and it may answer with a direct reply.</summary>
    internal TaskUpdater(TurnAnswer turn)
        : this(turn.Manager, turn.Task.Id, turn.Task.ContextId ?? "", turn.Known) => _turn = turn;

    private TaskUpdater(TaskManager manager, string taskId, string contextId, KnownVersion known)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        _manager = manager;
        TaskId = taskId;
        ContextId = contextId ?? "";
        _known = known;
    }

    /// <summary>The task this updater drives.</summary>
    public string TaskId { get; }

    /// <summary>The task's context.</summary>
    public string ContextId { get; }

    /// <summary>
    /// Who sent the message the handler is answering (its principal and tenant); <see cref="TaskCaller.Anonymous"/>
    /// for an updater that does not answer a message, or when the host knows no caller.
    /// </summary>
    public TaskCaller Caller => _turn?.Caller ?? TaskCaller.Anonymous;

    /// <summary>
    /// Makes sure the task exists in <see cref="TaskState.Submitted"/>: creates it (with <paramref name="message"/> as
    /// the first history entry) if it does not exist, and returns it unchanged if it is already submitted.
    /// </summary>
    /// <exception cref="InvalidTaskStateException">The task exists and has moved past submitted.</exception>
    public async Task<AgentTask> SubmitAsync(Message? message = null, CancellationToken cancellationToken = default)
    {
        await EnsureTaskAsync().ConfigureAwait(false);
        AgentTask? existing = await _manager.TryGetTaskAsync(TaskId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                return await _manager.CreateTaskAsync(message, NullIfEmpty(ContextId), taskId: TaskId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (TaskAlreadyExistsException)
            {
                existing = await _manager.GetTaskAsync(TaskId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        if (existing.Status.State != TaskState.Submitted)
        {
            _manager.Lifecycle.EnsureTransition(TaskId, existing.Status.State, TaskState.Submitted);
        }

        return existing;
    }

    /// <summary>Moves the task to working (start, progress, or resume after input/auth).</summary>
    public Task<AgentTask> StartWorkAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(TaskState.Working, message, cancellationToken: cancellationToken);

    /// <summary>Moves the task to <paramref name="state"/>, checked by the lifecycle.</summary>
    /// <exception cref="InvalidTaskStateException">The lifecycle does not allow it, for example the task is already terminal.</exception>
    public async Task<AgentTask> UpdateStatusAsync(TaskState state, Message? message = null, IReadOnlyDictionary<string, JsonElement>? metadata = null, CancellationToken cancellationToken = default)
    {
        return await _manager.UpdateStatusAsync(TaskId, state, message, metadata, _known, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams an artifact or one chunk of it. The first chunk goes with <paramref name="append"/> false; later
    /// chunks with the same id and <paramref name="append"/> true; the final one with <paramref name="lastChunk"/> true.
    /// </summary>
    /// <param name="parts">The content of this chunk.</param>
    /// <param name="artifactId">The artifact id; a new one when null (not allowed with <paramref name="append"/>).</param>
    /// <param name="name">Optional artifact name.</param>
    /// <param name="append">True to extend the artifact sent earlier with the same id.</param>
    /// <param name="lastChunk">True on the final chunk.</param>
    /// <param name="metadata">Optional artifact metadata.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>The artifact id (pass it to the following chunks).</returns>
    /// <exception cref="InvalidTaskStateException">The task is terminal: artifacts after the end are refused.</exception>
    /// <exception cref="InvalidAgentResponseException"><paramref name="append"/> names an artifact the task does not have.</exception>
    public async Task<string> AddArtifactAsync(
        IEnumerable<Part> parts,
        string? artifactId = null,
        string? name = null,
        bool append = false,
        bool lastChunk = false,
        IReadOnlyDictionary<string, JsonElement>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (append && string.IsNullOrEmpty(artifactId))
        {
            throw new ArgumentException("Appending needs the id of the artifact to extend: pass the id the first chunk returned.", nameof(artifactId));
        }

        string id = string.IsNullOrEmpty(artifactId) ? Guid.NewGuid().ToString() : artifactId;
        var artifact = new Artifact { ArtifactId = id, Name = name, Parts = parts.ToArray(), Metadata = metadata };
        await _manager.AddArtifactAsync(TaskId, artifact, append, lastChunk, metadata: null, _known, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Finishes the task successfully.</summary>
    public Task<AgentTask> CompleteAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(TaskState.Completed, message, cancellationToken: cancellationToken);

    /// <summary>Finishes the task with an error; <paramref name="message"/> should say what went wrong.</summary>
    public Task<AgentTask> FailAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(TaskState.Failed, message, cancellationToken: cancellationToken);

    /// <summary>Declines the task (needs <c>OptionalTaskStates.Rejected</c> in the agent's lifecycle).</summary>
    public Task<AgentTask> RejectAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(TaskState.Rejected, message, cancellationToken: cancellationToken);

    /// <summary>Cancels the task.</summary>
    /// <exception cref="TaskNotCancelableException">The task is already terminal.</exception>
    public async Task<AgentTask> CancelAsync(Message? message = null, CancellationToken cancellationToken = default)
    {
        return await _manager.CancelTaskAsync(TaskId, message, _known, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the client for more input (needs <c>OptionalTaskStates.InputRequired</c>); <paramref name="message"/> is the question.</summary>
    public Task<AgentTask> RequireInputAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(TaskState.InputRequired, message, cancellationToken: cancellationToken);

    /// <summary>Asks the client to authenticate (needs <c>OptionalTaskStates.AuthRequired</c>).</summary>
    public Task<AgentTask> RequireAuthAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(TaskState.AuthRequired, message, cancellationToken: cancellationToken);

    /// <summary>
    /// Answers the incoming message with a direct message instead of a task (A2A's <c>result.message</c>), for a quick
    /// answer or a clarifying question that needs no task. Only the updater a handler receives for a message that
    /// starts a task can reply, and only before the task's first event: the task is then never created, and a later
    /// update through this updater throws <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="reply">The agent's message (role agent). Its context id is filled in; it names no task.</param>
    /// <param name="cancellationToken">Reserved for stores that record replies; the reply itself is immediate.</param>
    /// <returns>The reply as the client receives it.</returns>
    /// <exception cref="InvalidOperationException">
    /// The task already exists (an earlier update created it, or the message continues it), the handler already
    /// replied, or this updater was not handed to a handler for an incoming message.
    /// </exception>
    /// <exception cref="ArgumentException">The reply is not the agent's, or names another task or context.</exception>
    public Task<Message> ReplyAsync(Message reply, CancellationToken cancellationToken = default)
    {
        if (_turn is null)
        {
            throw new InvalidOperationException(
                $"Only the updater a handler receives for an incoming message can answer it with a direct reply; this one was created for task {TaskId}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_turn.SetReply(reply));
    }

    /// <summary>Answers the incoming message with a direct agent text message instead of a task; see <see cref="ReplyAsync(Message, CancellationToken)"/>.</summary>
    public Task<Message> ReplyAsync(string text, CancellationToken cancellationToken = default) =>
        ReplyAsync(new Message { MessageId = Guid.NewGuid().ToString(), Role = Role.Agent, Parts = [Part.FromText(text)] }, cancellationToken);

    /// <summary>A new agent message for this task, with a fresh id.</summary>
    public Message NewAgentMessage(IEnumerable<Part> parts, IReadOnlyDictionary<string, JsonElement>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new Message
        {
            MessageId = Guid.NewGuid().ToString(),
            Role = Role.Agent,
            TaskId = TaskId,
            ContextId = NullIfEmpty(ContextId),
            // Born frozen: the stores keep it as it is instead of copying it into their snapshots.
            Parts = FrozenList<Part>.From(parts.ToArray(), ModelSnapshot.Freeze),
            Metadata = ModelSnapshot.FreezeMetadata(metadata),
        };
    }

    /// <summary>A new agent text message for this task.</summary>
    public Message NewAgentMessage(string text) => NewAgentMessage([Part.FromText(text)]);

    private Task EnsureTaskAsync() => _turn?.EnsureTaskAsync() ?? Task.CompletedTask;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
