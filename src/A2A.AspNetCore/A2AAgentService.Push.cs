using A2A.Agents;
using A2A.AspNetCore.Push;
using A2A.AspNetCore.Security;
using A2A.Errors;
using A2A.Protocol;
using A2A.Push;
using A2A.Storage;
using A2A.Tasks;
using Microsoft.Extensions.Logging;

namespace A2A.AspNetCore;

// The push notification methods (spec 3.1.7-3.1.10) and the configuration inline in SendMessage.
public sealed partial class A2AAgentService
{
    /// <summary>Whether the agent offers push notifications (its card declares them).</summary>
    public bool SupportsPushNotifications => _push is not null;

    /// <summary>
    /// <c>CreateTaskPushNotificationConfig</c>: stores a webhook for the task's changes from now on (a configuration
    /// with the id of an existing one replaces it) and answers with it, its id assigned and its credentials withheld.
    /// </summary>
    /// <exception cref="PushNotificationNotSupportedException">The agent does not offer push notifications.</exception>
    /// <exception cref="TaskNotFoundException">Unknown task, or not the caller's.</exception>
    /// <exception cref="InvalidParamsException">The URL, its destination or the credentials cannot be used, or the task has too many configurations.</exception>
    public async Task<TaskPushNotificationConfig> CreateTaskPushNotificationConfigAsync(TaskPushNotificationConfig request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        PushSupport push = RequirePush();
        string taskId = RequireTaskId(request?.TaskId);
        TaskPushNotificationConfig config = PushConfigRules.Prepare(request!, taskId, push.Policy, "params");
        StoredTask stored = await AuthorizeAsync(taskId, caller, TaskOperation.ManagePushNotifications, cancellationToken).ConfigureAwait(false);

        // From the version read on: an event stored meanwhile has a later sequence, so it is delivered too.
        await push.Store.SavePushConfigAsync(config, stored.Version, push.Options.MaxConfigsPerTask, (caller ?? TaskCaller.Anonymous).ProtocolVersion, cancellationToken).ConfigureAwait(false);
        push.Delivery.Wake(taskId);
        return PushConfigRules.Redact(config);
    }

    /// <summary><c>GetTaskPushNotificationConfig</c>: one configuration, its credentials withheld.</summary>
    /// <exception cref="TaskNotFoundException">Unknown task, or the task has no configuration with that id (the error the spec names).</exception>
    public async Task<TaskPushNotificationConfig> GetTaskPushNotificationConfigAsync(GetTaskPushNotificationConfigRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        PushSupport push = RequirePush();
        string taskId = RequireTaskId(request?.TaskId);
        string id = string.IsNullOrEmpty(request!.Id) ? throw new InvalidParamsException("params.id (the configuration id) is required.") : request.Id;
        IReadOnlyList<StoredPushConfig> configs = await ListConfigsAsync(push, taskId, caller, cancellationToken).ConfigureAwait(false);
        StoredPushConfig found = configs.FirstOrDefault(c => c.Config.Id == id)
            ?? throw new TaskNotFoundException(taskId, $"Task {taskId} has no push notification configuration '{id}'; list them with ListTaskPushNotificationConfigs.");
        return PushConfigRules.Redact(found.Config);
    }

    /// <summary><c>ListTaskPushNotificationConfigs</c>: the task's configurations, oldest first, credentials withheld, in pages.</summary>
    /// <exception cref="TaskNotFoundException">Unknown task, or not the caller's.</exception>
    public async Task<ListTaskPushNotificationConfigsResponse> ListTaskPushNotificationConfigsAsync(ListTaskPushNotificationConfigsRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        PushSupport push = RequirePush();
        string taskId = RequireTaskId(request?.TaskId);
        int pageSize = request!.PageSize switch
        {
            null or 0 => int.MaxValue,
            < 0 => throw new InvalidParamsException($"params.pageSize must be 0 or more; got {request.PageSize}."),
            int size => size,
        };
        int skip = 0;
        if (!string.IsNullOrEmpty(request.PageToken) && (!int.TryParse(request.PageToken, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out skip)))
        {
            throw new InvalidParamsException("params.pageToken is not a token this server gave out; pass nextPageToken from the previous page, or leave it out.");
        }

        IReadOnlyList<StoredPushConfig> configs = await ListConfigsAsync(push, taskId, caller, cancellationToken).ConfigureAwait(false);
        TaskPushNotificationConfig[] page = configs.Skip(skip).Take(pageSize).Select(c => PushConfigRules.Redact(c.Config)).ToArray();
        bool more = (long)skip + page.Length < configs.Count;
        return new ListTaskPushNotificationConfigsResponse
        {
            Configs = page,
            NextPageToken = more ? (skip + page.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        };
    }

    /// <summary><c>DeleteTaskPushNotificationConfig</c>: nothing more is sent to the configuration. Idempotent: deleting one that is gone succeeds.</summary>
    /// <exception cref="TaskNotFoundException">Unknown task, or not the caller's.</exception>
    public async Task DeleteTaskPushNotificationConfigAsync(DeleteTaskPushNotificationConfigRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        PushSupport push = RequirePush();
        string taskId = RequireTaskId(request?.TaskId);
        string id = string.IsNullOrEmpty(request!.Id) ? throw new InvalidParamsException("params.id (the configuration id) is required.") : request.Id;
        await AuthorizeAsync(taskId, caller, TaskOperation.ManagePushNotifications, cancellationToken).ConfigureAwait(false);
        await push.Store.DeletePushConfigAsync(taskId, id, cancellationToken).ConfigureAwait(false);
    }

    // The inline configuration of a message, checked before the message is accepted (a bad one refuses the message).
    private TaskPushNotificationConfig? PrepareInlineConfig(SendMessageRequest request)
    {
        if (request.Configuration?.TaskPushNotificationConfig is not { } inline)
        {
            return null;
        }

        PushSupport push = RequirePush("leave configuration.taskPushNotificationConfig out");
        string taskId = string.IsNullOrEmpty(request.Message!.TaskId) ? inline.TaskId ?? "" : request.Message.TaskId;
        return PushConfigRules.Prepare(inline, taskId, push.Policy, "params.configuration.taskPushNotificationConfig");
    }

    // Stores an inline configuration once its task exists: a follow-up's right away (from the message on), a new
    // task's when the handler's first event created it (from the task's creation on, so the first notification is
    // the task itself). A direct reply leaves no task and the configuration is dropped. The message is accepted by
    // then, so a failure here is logged rather than refusing it (the room for the configuration was checked before).
    private async Task SaveInlineConfigAsync(AgentTurn turn, TaskPushNotificationConfig config)
    {
        PushSupport push = _push!;
        try
        {
            long from = 0;
            if (!turn.IsFirstTurn)
            {
                from = (await Tasks.Store.GetAsync(turn.Task.Id).ConfigureAwait(false))?.Version ?? 0;
            }
            else if ((await turn.Answered.ConfigureAwait(false)).Task is null)
            {
                return;
            }

            await push.Store.SavePushConfigAsync(config with { TaskId = turn.Task.Id }, from, push.Options.MaxConfigsPerTask, turn.Caller.ProtocolVersion).ConfigureAwait(false);
            push.Delivery.Wake(turn.Task.Id);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Storing the push notification configuration sent with a message to task {TaskId} failed; the task runs without it.", turn.Task.Id);
        }
    }

    // A follow-up's configuration must fit before the message is accepted: a refusal then leaves nothing behind.
    private async Task CheckRoomForConfigAsync(string taskId, TaskPushNotificationConfig config, CancellationToken cancellationToken)
    {
        PushSupport push = _push!;
        IReadOnlyList<StoredPushConfig> configs = await push.Store.ListPushConfigsAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (configs.Count >= push.Options.MaxConfigsPerTask && !configs.Any(c => c.Config.Id == config.Id))
        {
            throw new PushConfigLimitExceededException(taskId, push.Options.MaxConfigsPerTask);
        }
    }

    private async Task WakeDeliveryAsync(string taskId)
    {
        try
        {
            if ((await _push!.Store.ListPushConfigsAsync(taskId).ConfigureAwait(false)).Count > 0)
            {
                _push.Delivery.Wake(taskId);
            }
        }
        catch (Exception ex)
        {
            // The poll finds the deliveries later.
            _logger.LogWarning(ex, "Looking for the push notification configurations of task {TaskId} failed.", taskId);
        }
    }

    private async Task<IReadOnlyList<StoredPushConfig>> ListConfigsAsync(PushSupport push, string taskId, TaskCaller? caller, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(taskId, caller, TaskOperation.ManagePushNotifications, cancellationToken).ConfigureAwait(false);
        return await push.Store.ListPushConfigsAsync(taskId, cancellationToken).ConfigureAwait(false);
    }

    private PushSupport RequirePush(string remedy = "do not call the push notification methods") =>
        _push ?? throw new PushNotificationNotSupportedException($"This agent does not send push notifications (its card says capabilities.pushNotifications: false); {remedy}.");

    private static string RequireTaskId(string? taskId) =>
        string.IsNullOrEmpty(taskId) ? throw new InvalidParamsException("params.taskId (the task id) is required.") : taskId;

    /// <summary>What push notifications need: the configurations' store, the destination rules, the deliverer.</summary>
    private sealed class PushSupport(IPushNotificationStore store, PushNotificationOptions options, PushDeliveryService delivery)
    {
        public IPushNotificationStore Store { get; } = store;

        public PushNotificationOptions Options { get; } = options;

        public PushDestinationPolicy Policy { get; } = options.AllowPrivateNetworkDestinations ? PushDestinationPolicy.AnyNetwork : PushDestinationPolicy.PublicOnly;

        public PushDeliveryService Delivery { get; } = delivery;
    }
}
