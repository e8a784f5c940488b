using System.Diagnostics;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Protocol.V03;
using A2A.Push;
using A2A.Storage;
using Microsoft.Extensions.Logging;

namespace A2A.AspNetCore.Push;

/// <summary>
/// Delivers the push notifications of the tasks in one store: for each task with configurations, one worker at a
/// time (on one instance, through the store's claim) walks the task's event log from each configuration's progress,
/// posts the events <see cref="PushNotificationOptions.Events"/> selects, and records the progress after each one.
/// </summary>
/// <remarks>
/// Delivery is at least once: progress is stored after the webhook answered, so an event whose answer was lost (a
/// crash, a claim taken over) is posted again. Per task and webhook, events arrive in order. A worker runs while its
/// task has events to deliver or its handler runs on this instance; a poll every
/// <see cref="PushNotificationOptions.PollInterval"/> finds the deliveries nobody is making: those left by a restart,
/// those of an instance that stopped (once its claim expired), and changes made where no worker watched.
/// </remarks>
internal sealed partial class PushDeliveryService : IAsyncDisposable
{
    private const int EventsPerRead = 32;

    private readonly ITaskStore _tasks;
    private readonly IPushNotificationStore _configs;
    private readonly PushNotificationOptions _options;
    private readonly PushNotificationSender _sender;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<string, bool> _watch;
    private readonly string _owner = "push-" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, Worker> _workers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _polling;

    /// <param name="tasks">The tasks, whose event logs are the outbox.</param>
    /// <param name="configs">The configurations and their progress (usually the same store).</param>
    /// <param name="options">What is pushed and how.</param>
    /// <param name="sender">Makes one attempt.</param>
    /// <param name="logger">Where refusals, retries and failures go.</param>
    /// <param name="watch">Whether a task's next events are worth waiting for here (its handler runs on this instance).</param>
    /// <param name="time">The clock for retries and polls.</param>
    public PushDeliveryService(ITaskStore tasks, IPushNotificationStore configs, PushNotificationOptions options, PushNotificationSender sender, ILogger logger, Func<string, bool>? watch = null, TimeProvider? time = null)
    {
        _watch = watch ?? (_ => false);
        _tasks = tasks;
        _configs = configs;
        _options = options;
        _sender = sender;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Starts looking for deliveries (once).</summary>
    public void Start()
    {
        lock (_workers)
        {
            _polling ??= Task.Run(PollAsync);
        }
    }

    /// <summary>Makes sure a worker delivers the task's notifications (after a configuration was added).</summary>
    public void Wake(string taskId)
    {
        Start();
        StartWorker(taskId, claimed: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task? polling;
        lock (_workers)
        {
            polling = _polling;
        }

        if (polling is not null)
        {
            await polling.ConfigureAwait(false);
        }

        Task[] running;
        lock (_workers)
        {
            running = _workers.Values.Select(w => w.Run).ToArray();
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task PollAsync()
    {
        CancellationToken stop = _stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (string taskId in await _configs.ClaimPushDeliveriesAsync(_owner, _options.ClaimDuration, 64, stop).ConfigureAwait(false))
                {
                    StartWorker(taskId, claimed: true);
                }

                await Task.Delay(_options.PollInterval, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PollFailed(_logger, ex);
                try
                {
                    await Task.Delay(_options.PollInterval, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // One worker per task on this instance. A wake-up for a task whose worker is finishing makes it look again
    // before it exits, so a configuration added at that moment is not left to the next poll.
    private void StartWorker(string taskId, bool claimed)
    {
        lock (_workers)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (_workers.TryGetValue(taskId, out Worker? running))
            {
                running.Again = true;
                return;
            }

            var worker = new Worker();
            _workers[taskId] = worker;
            worker.Run = Task.Run(() => WorkAsync(taskId, claimed, worker));
        }
    }

    // Whether the worker was woken while it delivered (clearing the flag): then it looks once more.
    private bool WokenAgain(Worker worker)
    {
        lock (_workers)
        {
            bool again = worker.Again && !_stopping.IsCancellationRequested;
            worker.Again = false;
            return again;
        }
    }

    private async Task WorkAsync(string taskId, bool claimed, Worker worker)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        CancellationToken stop = lost.Token;
        Task? renewing = null;
        try
        {
            if (!claimed && !await _configs.TryClaimPushDeliveryAsync(taskId, _owner, _options.ClaimDuration, stop).ConfigureAwait(false))
            {
                return; // another instance delivers this task's notifications
            }

            renewing = RenewAsync(taskId, lost);
            do
            {
                await DeliverTaskAsync(taskId, stop).ConfigureAwait(false);
            }
            while (WokenAgain(worker));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (TaskNotFoundException)
        {
            // The task was deleted (or expired): its configurations went with it.
        }
        catch (Exception ex)
        {
            Log.WorkerFailed(_logger, ex, taskId);
        }
        finally
        {
            await lost.CancelAsync().ConfigureAwait(false);
            if (renewing is not null)
            {
                await renewing.ConfigureAwait(false);
            }

            try
            {
                await _configs.ReleasePushDeliveryAsync(taskId, _owner, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The claim expires by itself.
                Log.WorkerFailed(_logger, ex, taskId);
            }

            // Removed only after the claim is released, so a worker started after it claims afresh.
            bool again;
            lock (_workers)
            {
                _workers.Remove(taskId);
                again = worker.Again && !_stopping.IsCancellationRequested;
            }

            if (again)
            {
                StartWorker(taskId, claimed: false);
            }
        }
    }

    // Keeps the claim while the worker runs; a claim lost (the store judged it expired and another instance took it)
    // stops the worker, so that one instance at a time delivers the task's notifications.
    private async Task RenewAsync(string taskId, CancellationTokenSource worker)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.ClaimDuration / 3, _time, worker.Token).ConfigureAwait(false);
                if (!await _configs.TryClaimPushDeliveryAsync(taskId, _owner, _options.ClaimDuration, worker.Token).ConfigureAwait(false))
                {
                    await worker.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // Without renewal the claim runs out: stop rather than risk two deliverers.
            Log.WorkerFailed(_logger, ex, taskId);
            await worker.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task DeliverTaskAsync(string taskId, CancellationToken stop)
    {
        while (true)
        {
            IReadOnlyList<StoredPushConfig> stored = await _configs.ListPushConfigsAsync(taskId, stop).ConfigureAwait(false);
            StoredTask? task = await _tasks.GetAsync(taskId, stop).ConfigureAwait(false);
            if (stored.Count == 0 || task is null)
            {
                return;
            }

            var progress = stored.ToDictionary(c => c.Config.Id!, c => c.DeliveredSequence, StringComparer.Ordinal);
            long from = progress.Values.Min();
            if (from >= task.Version)
            {
                // Told everything: a task whose handler runs here is watched for its next events; any other is left
                // to whoever changes it next (a follow-up or a cancel here wakes a worker) or to the poll.
                if (task.Task.Status.State.IsTerminal() || !_watch(taskId))
                {
                    return;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(_options.ClaimDuration / 3); // then look again whether the run still goes on
                try
                {
                    await _tasks.WaitForEventsAsync(taskId, task.Version, wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                }

                continue;
            }

            IReadOnlyList<TaskEventRecord> records = await _tasks.ReadEventsAsync(taskId, from, EventsPerRead, stop).ConfigureAwait(false);
            if (records.Count == 0)
            {
                return; // the log changed under us (the task was deleted): the poll looks again
            }

            foreach (TaskEventRecord record in records)
            {
                StoredPushConfig[] due = stored.Where(c => progress[c.Config.Id!] < record.Sequence).ToArray();
                if (due.Length == 0)
                {
                    continue;
                }

                if (await SelectAsync(taskId, record.Event, stop).ConfigureAwait(false) is { } notification)
                {
                    // Read again just before sending: a configuration deleted since gets nothing more (spec 3.1.10),
                    // and a replaced one gets it with its new settings.
                    Dictionary<string, StoredPushConfig> current = (await _configs.ListPushConfigsAsync(taskId, stop).ConfigureAwait(false))
                        .ToDictionary(c => c.Config.Id!, StringComparer.Ordinal);
                    due = due.Where(c => current.ContainsKey(c.Config.Id!)).Select(c => current[c.Config.Id!]).ToArray();
                    PushBody v1 = new(A2AJson.SerializeToUtf8Bytes(notification), PushNotificationSender.ContentType);
                    PushBody? v03 = due.Any(c => c.ProtocolVersion != A2A.JsonRpc.A2AMethods.ProtocolVersion) ? await V03BodyAsync(taskId, notification, stop).ConfigureAwait(false) : null;
                    await Task.WhenAll(due.Select(c => DeliverAsync(taskId, c.Config, notification.Kind, c.ProtocolVersion == A2A.JsonRpc.A2AMethods.ProtocolVersion ? v1 : v03!, stop))).ConfigureAwait(false);
                }

                foreach (StoredPushConfig config in due)
                {
                    await _configs.AdvancePushConfigAsync(taskId, config.Config.Id!, record.Sequence, stop).ConfigureAwait(false);
                    progress[config.Config.Id!] = record.Sequence;
                }
            }
        }
    }

    // A webhook registered by a v0.3 client gets what v0.3 sends (as the JavaScript SDK does): the task as it is now, in
    // v0.3's JSON, for a task change; the message itself for a message.
    private async Task<PushBody> V03BodyAsync(string taskId, StreamResponse notification, CancellationToken stop)
    {
        System.Text.Json.Nodes.JsonObject legacy = notification.Message is { } message
            ? V03Json.ToMessage(V03Json.ToNode(message), V03Binding.JsonRpc)
            : V03Json.ToTask(V03Json.ToNode((await _tasks.GetAsync(taskId, stop).ConfigureAwait(false))?.Task ?? notification.Task ?? throw new TaskNotFoundException(taskId)), V03Binding.JsonRpc);
        return new PushBody(V03Json.ToUtf8Bytes(legacy), "application/json");
    }

    // What the options push for an event, or null. A completed artifact is pushed whole, from the task.
    private async ValueTask<StreamResponse?> SelectAsync(string taskId, StreamResponse change, CancellationToken stop)
    {
        PushEvents events = _options.Events;
        switch (change.Kind)
        {
            case StreamResponseKind.Task or StreamResponseKind.StatusUpdate:
                return (events & PushEvents.StatusChanges) != 0 ? change : null;
            case StreamResponseKind.Message:
                return (events & PushEvents.Messages) != 0 ? change : null;
            case StreamResponseKind.ArtifactUpdate when (events & PushEvents.ArtifactChunks) != 0:
                return change;
            case StreamResponseKind.ArtifactUpdate when (events & PushEvents.ArtifactCompletions) != 0 && change.ArtifactUpdate!.LastChunk:
                TaskArtifactUpdateEvent update = change.ArtifactUpdate;
                StoredTask? task = await _tasks.GetAsync(taskId, stop).ConfigureAwait(false);
                Artifact whole = task?.Task.Artifacts.FirstOrDefault(a => a.ArtifactId == update.Artifact.ArtifactId) ?? update.Artifact;
                return StreamResponse.From(update with { Artifact = whole, Append = false, LastChunk = true });
            default:
                return null;
        }
    }

    // One notification to one webhook, retried with exponential backoff and jitter while the failure is transient and
    // the configuration still exists.
    private async Task DeliverAsync(string taskId, TaskPushNotificationConfig config, StreamResponseKind kind, PushBody body, CancellationToken stop)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (attempt > 1 && !(await _configs.ListPushConfigsAsync(taskId, stop).ConfigureAwait(false)).Any(c => c.Config.Id == config.Id))
            {
                return; // deleted meanwhile: nothing more is sent to it
            }

            long started = Stopwatch.GetTimestamp();
            PushAttempt result;
            using (Activity? activity = A2ATelemetry.ActivitySource.StartActivity("A2A push", ActivityKind.Client))
            {
                activity?.SetTag("a2a.task.id", taskId);
                activity?.SetTag("a2a.push.config.id", config.Id);
                activity?.SetTag("a2a.push.event", kind.ToString());
                activity?.SetTag("a2a.push.attempt", attempt);
                activity?.SetTag("server.address", Uri.TryCreate(config.Url, UriKind.Absolute, out Uri? url) ? url.Host : null);
                result = await _sender.SendAsync(config, body.Bytes, body.ContentType, stop).ConfigureAwait(false);
                activity?.SetTag("a2a.push.outcome", Name(result.Outcome));
                if (result.Outcome != PushOutcome.Delivered)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, result.Reason);
                }
            }

            A2ATelemetry.PushAttemptDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("a2a.push.outcome", Name(result.Outcome)));
            switch (result.Outcome)
            {
                case PushOutcome.Delivered:
                    Count("delivered");
                    return;
                case PushOutcome.Refused:
                    Count("refused");
                    Log.Refused(_logger, taskId, config.Id!, result.Reason!);
                    return;
                case PushOutcome.Failed:
                case PushOutcome.Retry when attempt >= _options.MaxAttempts:
                    Count("failed");
                    Log.GaveUp(_logger, taskId, config.Id!, attempt, result.Reason!);
                    return;
            }

            A2ATelemetry.PushRetries.Add(1);
            TimeSpan delay = Backoff(attempt, result.RetryAfter);
            Log.WillRetry(_logger, taskId, config.Id!, attempt, result.Reason!, delay);
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
        }
    }

    // Exponential backoff with jitter: half the doubled delay is fixed, half random, so retries of many tasks spread out.
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        double doubled = _options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        double capped = Math.Min(doubled, _options.MaxRetryDelay.TotalMilliseconds);
        TimeSpan delay = TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
        return retryAfter is { } asked && asked > delay ? TimeSpan.FromTicks(Math.Min(asked.Ticks, _options.MaxRetryDelay.Ticks)) : delay;
    }

    private static void Count(string outcome) => A2ATelemetry.PushNotifications.Add(1, new KeyValuePair<string, object?>("a2a.push.outcome", outcome));

    private static string Name(PushOutcome outcome) => outcome switch
    {
        PushOutcome.Delivered => "delivered",
        PushOutcome.Retry => "retry",
        PushOutcome.Failed => "failed",
        _ => "refused",
    };

    private sealed class Worker
    {
        public Task Run { get; set; } = Task.CompletedTask;

        public bool Again { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Push notification for task {TaskId} to configuration {ConfigId} refused: {Reason}")]
        public static partial void Refused(ILogger logger, string taskId, string configId, string reason);

        [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Push notification for task {TaskId} to configuration {ConfigId} given up after {Attempts} attempt(s): {Reason}")]
        public static partial void GaveUp(ILogger logger, string taskId, string configId, int attempts, string reason);

        [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Push notification for task {TaskId} to configuration {ConfigId} failed (attempt {Attempt}: {Reason}); retrying in {Delay}.")]
        public static partial void WillRetry(ILogger logger, string taskId, string configId, int attempt, string reason, TimeSpan delay);

        [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Looking for push notifications to deliver failed; trying again later.")]
        public static partial void PollFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 24, Level = LogLevel.Error, Message = "Delivering the push notifications of task {TaskId} failed; another worker resumes them later.")]
        public static partial void WorkerFailed(ILogger logger, Exception exception, string taskId);
    }
}

/// <summary>A notification as sent: its bytes and their content type.</summary>
internal sealed record PushBody(byte[] Bytes, string ContentType);
