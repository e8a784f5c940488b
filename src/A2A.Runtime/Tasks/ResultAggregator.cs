using System.Runtime.CompilerServices;
using A2A.Errors;
using A2A.Lifecycle;
using A2A.Protocol;

namespace A2A.Tasks;

/// <summary>
/// Folds a stream of A2A events (task snapshot, status updates, artifact chunks, messages) into the final result,
/// checking the lifecycle as it goes. Artifact chunks are assembled: <c>append</c> extends the artifact with the same
/// id, and an append to an artifact that never started, or after its last chunk, is an error, never dropped.
/// </summary>
/// <remarks>Not thread-safe: feed it from one stream.</remarks>
public sealed class ResultAggregator
{
    private readonly TaskLifecycle _lifecycle;
    private readonly HashSet<string> _openArtifacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finishedArtifacts = new(StringComparer.Ordinal);

    /// <summary>Creates an aggregator that learns the task from the stream.</summary>
    /// <param name="lifecycle">The lifecycle to check against; <see cref="TaskLifecycle.Full"/> (any agent) when null.</param>
    public ResultAggregator(TaskLifecycle? lifecycle = null) => _lifecycle = lifecycle ?? TaskLifecycle.Full;

    /// <summary>Creates an aggregator that continues from <paramref name="initial"/>.</summary>
    public ResultAggregator(AgentTask initial, TaskLifecycle? lifecycle = null)
        : this(lifecycle)
    {
        CurrentTask = initial ?? throw new ArgumentNullException(nameof(initial));
    }

    /// <summary>The task as assembled so far, or null before the first task event.</summary>
    public AgentTask? CurrentTask { get; private set; }

    /// <summary>The direct reply, when the agent answered with a message instead of a task.</summary>
    public Message? Message { get; private set; }

    /// <summary>Ids of artifacts that received chunks but not yet their last chunk.</summary>
    public IReadOnlyCollection<string> OpenArtifactIds => _openArtifacts;

    /// <summary>Applies one event and returns it.</summary>
    /// <exception cref="InvalidAgentResponseException">The event breaks the protocol: illegal transition, update after the end, unknown artifact, another task.</exception>
    public StreamResponse Apply(StreamResponse change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == StreamResponseKind.Message && CurrentTask is null && string.IsNullOrEmpty(change.Message!.TaskId))
        {
            Message = change.Message;
            return change;
        }

        if (change.ArtifactUpdate is { } artifactUpdate)
        {
            TrackChunk(artifactUpdate);
        }

        CurrentTask = TaskProjection.ApplyRemote(CurrentTask, change, _lifecycle);
        return change;
    }

    /// <summary>Consumes a whole stream and returns the final task, or the message for a direct reply.</summary>
    /// <exception cref="InvalidAgentResponseException">The stream is empty or breaks the protocol.</exception>
    public async Task<SendMessageResponse> ConsumeAllAsync(IAsyncEnumerable<StreamResponse> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await foreach (StreamResponse change in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Apply(change);
        }

        return CurrentTask is not null ? new SendMessageResponse { Task = CurrentTask }
            : Message is not null ? new SendMessageResponse { Message = Message }
            : throw new InvalidAgentResponseException("The agent's stream ended without a task or a message.");
    }

    /// <summary>Consumes a whole stream that must produce a task, and returns the final task.</summary>
    /// <exception cref="InvalidAgentResponseException">The stream is empty, produced only a message, or breaks the protocol.</exception>
    public async Task<AgentTask> ConsumeTaskAsync(IAsyncEnumerable<StreamResponse> events, CancellationToken cancellationToken = default)
    {
        SendMessageResponse result = await ConsumeAllAsync(events, cancellationToken).ConfigureAwait(false);
        return result.Task ?? throw new InvalidAgentResponseException("The agent answered with a message where a task was expected.");
    }

    private void TrackChunk(TaskArtifactUpdateEvent update)
    {
        string id = update.Artifact.ArtifactId;
        if (update.Append && _finishedArtifacts.Contains(id))
        {
            throw new InvalidAgentResponseException(
                $"The agent appended to artifact '{id}' after sending its last chunk. A chunk with lastChunk = true must be the artifact's final one.");
        }

        if (!update.Append)
        {
            _finishedArtifacts.Remove(id);
        }

        if (update.LastChunk)
        {
            _openArtifacts.Remove(id);
            _finishedArtifacts.Add(id);
        }
        else
        {
            _openArtifacts.Add(id);
        }
    }
}
