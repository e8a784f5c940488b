using A2A.Errors;
using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;
using Microsoft.Extensions.Logging;

namespace A2A.AspNetCore;

/// <summary>
/// This server instance's side of <see cref="ITaskRunLeases"/>, for a store that several instances (or restarts)
/// share: a lease for every handler it runs, renewed every third of <see cref="Duration"/>; and, on the same beat,
/// the tasks of instances that stopped renewing taken over and settled: a task left submitted or working fails with
/// a status that says why; an interrupted one (waiting for input or authorization) keeps waiting.
/// </summary>
internal sealed partial class RunLeaseKeeper : IAsyncDisposable
{
    /// <summary>The status text of a task whose instance stopped while its handler ran.</summary>
    public const string AbandonedMessage =
        "The server instance running this task stopped before the task finished, so it was failed. Send the request again to start over.";

    private const int TakeOverBatch = 32;

    private readonly ITaskRunLeases _leases;
    private readonly TaskManager _manager;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _beat;

    public RunLeaseKeeper(ITaskRunLeases leases, TaskManager manager, TimeSpan duration, ILogger logger)
    {
        _leases = leases;
        _manager = manager;
        _logger = logger;
        Duration = duration;
        _beat = Task.Run(BeatAsync);
    }

    /// <summary>How long a lease lasts without renewal.</summary>
    public TimeSpan Duration { get; }

    /// <summary>This instance's name in the lease table: host, process and a random part, unique per service.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Claims the task for this instance; false while another instance runs it.</summary>
    public ValueTask<bool> TryAcquireAsync(string taskId, CancellationToken cancellationToken) =>
        _leases.TryAcquireLeaseAsync(taskId, Owner, Duration, cancellationToken);

    /// <summary>Gives the task's lease up; a failure only leaves the lease to expire (its task is then found settled).</summary>
    public async Task ReleaseAsync(string taskId)
    {
        try
        {
            await _leases.ReleaseLeaseAsync(taskId, Owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TaskStoreException or ObjectDisposedException)
        {
            Log.ReleaseFailed(_logger, ex, taskId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _beat.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task BeatAsync()
    {
        using var timer = new PeriodicTimer(Duration / 3);
        do
        {
            try
            {
                await _leases.RenewLeasesAsync(Owner, Duration, _stopping.Token).ConfigureAwait(false);
                await TakeOverExpiredAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is TaskStoreException or ObjectDisposedException)
            {
                // The store is unreachable: try again on the next beat (our leases may expire meanwhile).
                Log.BeatFailed(_logger, ex);
            }
        }
        while (await WaitAsync(timer).ConfigureAwait(false));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task TakeOverExpiredAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> taken;
        do
        {
            taken = await _leases.TakeExpiredLeasesAsync(Owner, Duration, TakeOverBatch, cancellationToken).ConfigureAwait(false);
            foreach (string taskId in taken)
            {
                await SettleAbandonedAsync(taskId, cancellationToken).ConfigureAwait(false);
                await ReleaseAsync(taskId).ConfigureAwait(false);
            }
        }
        while (taken.Count == TakeOverBatch);
    }

    private async Task SettleAbandonedAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            AgentTask? task = await _manager.TryGetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (task?.Status.State is not (TaskState.Submitted or TaskState.Working))
            {
                return; // gone, finished, or waiting for the client: nothing was left half done
            }

            TaskUpdater updater = _manager.CreateUpdater(taskId, task.ContextId ?? "");
            await updater.UpdateStatusAsync(TaskState.Failed, updater.NewAgentMessage(AbandonedMessage), cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.Abandoned(_logger, taskId, task.Status.State.ToWireName());
        }
        catch (InvalidTaskStateException)
        {
            // Finished meanwhile (a CancelTask, say): that outcome stands.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Task {TaskId} was left {State} by a server instance that stopped; it was failed.")]
        public static partial void Abandoned(ILogger logger, string taskId, string state);

        [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Renewing this instance's run leases, or taking over expired ones, failed; retrying on the next beat.")]
        public static partial void BeatFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Releasing the run lease of task {TaskId} failed; it will expire.")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, string taskId);
    }
}
