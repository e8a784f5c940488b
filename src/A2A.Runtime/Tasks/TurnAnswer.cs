using A2A.Diagnostics;
using A2A.Errors;
using A2A.Protocol;
using A2A.Storage;

namespace A2A.Tasks;

/// <summary>
/// How one incoming message is answered: with the task it starts or continues, or with a direct reply message. A
/// message that starts a task has its task created lazily, on the agent's first task event, so that the agent can
/// reply instead and no task is ever stored. Task and reply exclude each other; whichever comes first wins.
/// </summary>
/// <remarks>Thread-safe: a handler may update from several threads, and the runner settles the turn after it.</remarks>
internal sealed class TurnAnswer
{
    private readonly object _gate = new();
    private readonly TaskManager _manager;
    private readonly bool _startsTask;
    private readonly TaskCompletionSource<SendMessageResponse> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<AgentTask> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<AgentTask>? _creation;
    private Message? _reply;

    private TurnAnswer(TaskManager manager, AgentTask task, StoredTask? stored, TaskCaller caller)
    {
        _manager = manager;
        Caller = caller;
        _startsTask = stored is null;
        Task = task;
        Known = new KnownVersion(this);
        if (stored is not null)
        {
            Known.Assume(stored);
            _creation = System.Threading.Tasks.Task.FromResult(task);
            _first.SetResult(new SendMessageResponse { Task = task });
        }
    }

    /// <summary>A turn whose message starts <paramref name="pending"/>, which is not stored yet.</summary>
    public static TurnAnswer ForNewTask(TaskManager manager, AgentTask pending, TaskCaller caller) => new(manager, pending, stored: null, caller);

    /// <summary>A turn whose message continues <paramref name="stored"/>'s task, already stored with the message in its history.</summary>
    public static TurnAnswer ForStoredTask(TaskManager manager, StoredTask stored, TaskCaller caller) => new(manager, stored.Task, stored, caller);

    /// <summary>
    /// What the turn's own writes last stored (its updater and its settling share it), so that each change starts from
    /// it instead of reading the task again.
    /// </summary>
    public KnownVersion Known { get; }

    /// <summary>
    /// Completes with the task as stored by the turn's own write that made it terminal or interrupted: the outcome a
    /// blocking SendMessage answers with, known in this process the moment the store accepted it. Never completes for a
    /// turn whose task reaches its outcome through another writer (a CancelTask); wait for the run as well.
    /// </summary>
    public Task<AgentTask> Outcome => _outcome.Task;

    /// <summary>The run lease a new task is created with (by a host whose store is shared); none when null.</summary>
    public RunLease? Lease { get; set; }

    /// <summary>Who sent the message; a new task is stored as theirs.</summary>
    public TaskCaller Caller { get; }

    /// <summary>The task as accepted: for a new task, what its first event will store.</summary>
    public AgentTask Task { get; }

    public TaskManager Manager => _manager;

    /// <summary>The first answer: the reply, or the task as soon as it is stored.</summary>
    public Task<SendMessageResponse> First => _first.Task;

    /// <summary>The direct reply, once given.</summary>
    public Message? Reply => Volatile.Read(ref _reply);

    /// <summary>
    /// Whether the task exists or is being created (so no reply is possible any more). A creation that failed (its first
    /// change was refused, or the store failed) stored nothing: the task has not started.
    /// </summary>
    public bool TaskStarted => Started(Volatile.Read(ref _creation));

    /// <summary>
    /// Makes sure the task is stored (submitted, the message first in its history): the first call creates it, the
    /// others wait for that. A creation that failed is tried again by the next call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The turn was answered with a direct reply: there is no task.</exception>
    public Task EnsureTaskAsync() =>
        Volatile.Read(ref _creation) is { IsCompletedSuccessfully: true } ? System.Threading.Tasks.Task.CompletedTask : CreateWithAsync(makeChange: null);

    /// <summary>Records <paramref name="reply"/> as the answer, unless the task already started.</summary>
    /// <exception cref="InvalidOperationException">The task exists or is being created, or the turn already replied.</exception>
    public Message SetReply(Message reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Role != Role.Agent)
        {
            throw new ArgumentException($"A reply is the agent's message: its role must be {Role.Agent}, got {reply.Role}.", nameof(reply));
        }

        if (!string.IsNullOrEmpty(reply.TaskId) && reply.TaskId != Task.Id)
        {
            throw new ArgumentException($"A direct reply starts no task, but this one names task '{reply.TaskId}'. Leave its task id empty.", nameof(reply));
        }

        if (!string.IsNullOrEmpty(reply.ContextId) && reply.ContextId != Task.ContextId)
        {
            throw new ArgumentException($"The reply names context '{reply.ContextId}' but the incoming message belongs to context '{Task.ContextId}'.", nameof(reply));
        }

        ModelValidation.Validate(reply, "reply");

        // The reply belongs to the conversation, not to a task: the task id a pending task would have had is dropped.
        Message answer = reply with { TaskId = null, ContextId = Task.ContextId };
        lock (_gate)
        {
            if (_reply is not null)
            {
                throw new InvalidOperationException("The handler already replied to this message; a message gets one direct reply.");
            }

            if (Started(_creation))
            {
                throw new InvalidOperationException(_startsTask
                    ? $"Task {Task.Id} already exists (an earlier update created it), so the answer is the task. Send the text as a status message instead, for example with CompleteAsync(message) or RequireInputAsync(question)."
                    : $"The message continues task {Task.Id}, so the answer is the task. A direct reply is only for a message that starts no task; send the text as a status message instead.");
            }

            Volatile.Write(ref _reply, answer);
        }

        A2ATelemetry.DirectReplies.Add(1);
        _first.TrySetResult(new SendMessageResponse { Message = answer });
        return answer;
    }

    /// <summary>Ends a turn that produced no answer at all (the store failed while the runner settled it).</summary>
    public void EndUnanswered(Exception? cause)
    {
        if (!_first.Task.IsCompleted) // the usual case, answered: no exception to build
        {
            _first.TrySetException(new InternalErrorException(
                $"The agent ended without answering the message and task {Task.Id} could not be stored{(cause is null ? "." : $": {cause.Message}")}"));
        }
    }

    /// <summary>
    /// Creates the turn's task unless it exists: with <paramref name="makeChange"/>'s change already applied, in one
    /// write (the creation snapshot and the change are events 1 and 2), when given. Null when the task exists (or another
    /// update is creating it, which this waits for): a change is then an ordinary one. The creation does not follow the
    /// handler's token: a task half-created by a cancellation helps no one, and the store call is short.
    /// </summary>
    /// <exception cref="InvalidOperationException">The turn was answered with a direct reply: there is no task.</exception>
    public async Task<StoredTask?> CreateWithAsync(Func<AgentTask, StreamResponse>? makeChange)
    {
        while (true)
        {
            if (Volatile.Read(ref _creation) is { IsCompletedSuccessfully: true })
            {
                return null;
            }

            TaskCompletionSource<AgentTask>? mine = null;
            Task<AgentTask> creating;
            lock (_gate)
            {
                ThrowIfReplied();
                if (_creation is null or { IsFaulted: true } or { IsCanceled: true })
                {
                    mine = new TaskCompletionSource<AgentTask>(TaskCreationOptions.RunContinuationsAsynchronously);
                    Volatile.Write(ref _creation, mine.Task);
                }

                creating = _creation;
            }

            if (mine is null)
            {
                try
                {
                    await creating.ConfigureAwait(false);
                    return null;
                }
                catch (Exception) when (creating.IsFaulted)
                {
                    continue; // that creation failed (its change was refused, say): try again with this one
                }
            }

            try
            {
                StoredTask stored = await _manager.StoreNewAsync(Submitted(), Caller.Owner, Lease, makeChange, CancellationToken.None).ConfigureAwait(false);
                Known.Remember(stored);
                mine.SetResult(stored.Task);
                _first.TrySetResult(new SendMessageResponse { Task = stored.Task });
                return stored;
            }
            catch (Exception ex)
            {
                mine.SetException(ex);
                throw;
            }
        }
    }

    // The task was built and checked when the message was accepted; it is submitted now.
    private AgentTask Submitted() => Task with { Status = Task.Status with { Timestamp = _manager.Now } };

    private static bool Started(Task<AgentTask>? creation) => creation is not null and { IsFaulted: false, IsCanceled: false };

    private void ThrowIfReplied()
    {
        if (_reply is not null)
        {
            throw new InvalidOperationException(
                $"The handler already answered this message with a direct reply, so task {Task.Id} was never created and cannot be updated. " +
                "Reply only when the message needs no task; otherwise update the task and answer through it.");
        }
    }

    /// <summary>
    /// Told of each write the turn's own updater made (see <see cref="KnownVersion.Remember"/>), with what the turn knew
    /// of the task before it: the write that moves the task into a terminal or interrupted state is the turn's outcome
    /// (an artifact added while the task still waits for input is not).
    /// </summary>
    public void Written(StoredTask? before, StoredTask written)
    {
        TaskState state = written.Task.Status.State;
        if ((state.IsTerminal() || state.IsInterrupted()) && before?.Task.Status.State != state)
        {
            _outcome.TrySetResult(written.Task);
        }
    }
}
