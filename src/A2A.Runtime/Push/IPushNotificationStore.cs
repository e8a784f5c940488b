using A2A.Protocol;

namespace A2A.Push;

/// <summary>
/// Push notification configurations and their delivery progress, kept by a task store beside its tasks: a
/// configuration lives as long as its task (it goes when the task is deleted or expires) or until it is deleted.
/// </summary>
/// <remarks>
/// <para>The task's event log is the outbox: every change is already stored, in order, in the same transaction as
/// the task itself. Each configuration records the sequence of the last event delivered to it, so a delivery that
/// did not finish before a crash is found again after a restart, and an event is never skipped.</para>
/// <para>A deliverer claims a task before delivering its events, for a while it renews: with several server
/// instances on one store, one instance delivers a task's events at a time (in order), and the claim of an instance
/// that died expires so another takes over. Expiry is judged by one clock for every instance (the database's, where
/// there is one).</para>
/// </remarks>
public interface IPushNotificationStore
{
    /// <summary>
    /// Stores <paramref name="config"/> (its <see cref="TaskPushNotificationConfig.TaskId"/> and
    /// <see cref="TaskPushNotificationConfig.Id"/> set), replacing a configuration of the task with the same id; a new
    /// one is delivered the events after <paramref name="deliveredSequence"/>, a replaced one keeps its progress.
    /// </summary>
    /// <param name="config">The configuration, as the store keeps and hands it back.</param>
    /// <param name="deliveredSequence">The last event the new configuration is not told about (0: every event).</param>
    /// <param name="maxConfigsPerTask">A task with this many configurations refuses another (replacing one is allowed).</param>
    /// <param name="protocolVersion">The A2A version its notifications are sent in (<see cref="StoredPushConfig.ProtocolVersion"/>); a replacement sets it too.</param>
    /// <param name="cancellationToken">Stops the wait (not necessarily the write).</param>
    /// <exception cref="Errors.TaskNotFoundException">The task is unknown.</exception>
    /// <exception cref="Errors.PushConfigLimitExceededException">The task already has <paramref name="maxConfigsPerTask"/> configurations.</exception>
    ValueTask SavePushConfigAsync(TaskPushNotificationConfig config, long deliveredSequence, int maxConfigsPerTask, string protocolVersion = A2A.JsonRpc.A2AMethods.ProtocolVersion, CancellationToken cancellationToken = default);

    /// <summary>The task's configurations with their progress, oldest first; empty when it has none (or is unknown).</summary>
    ValueTask<IReadOnlyList<StoredPushConfig>> ListPushConfigsAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Removes a configuration; false when the task has no configuration with that id.</summary>
    ValueTask<bool> DeletePushConfigAsync(string taskId, string configId, CancellationToken cancellationToken = default);

    /// <summary>Records that the events up to <paramref name="deliveredSequence"/> were delivered to (or given up on for) the configuration; never moves it back.</summary>
    ValueTask AdvancePushConfigAsync(string taskId, string configId, long deliveredSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="owner"/> the deliverer of the task's events for <paramref name="duration"/> (or extends its
    /// claim): true when nobody held a claim, it had expired, or <paramref name="owner"/> held it.
    /// </summary>
    ValueTask<bool> TryClaimPushDeliveryAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims for <paramref name="owner"/> up to <paramref name="maxCount"/> tasks that nobody else has claimed (or whose
    /// claim expired) and that have configurations with events still to deliver; returns their ids. Two owners calling
    /// at once never claim the same task.
    /// </summary>
    ValueTask<IReadOnlyList<string>> ClaimPushDeliveriesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Gives the claim up, if <paramref name="owner"/> still holds it.</summary>
    ValueTask ReleasePushDeliveryAsync(string taskId, string owner, CancellationToken cancellationToken = default);
}
