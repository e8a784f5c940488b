using A2A.Errors;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Push;

/// <summary>An agent that does not offer push notifications says so on its card and answers -32003 to every push method.</summary>
public sealed class PushDisabledTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    [Fact]
    public async Task Every_push_method_and_an_inline_config_answer_push_notification_not_supported()
    {
        AgentCard card = await A2A.Client.A2AClient.GetAgentCardAsync(server.Http, server.BaseUrl);
        Assert.False(card.Capabilities.PushNotifications);

        AgentTask task = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        var config = new TaskPushNotificationConfig { TaskId = task.Id, Url = "https://hooks.example/a2a" };
        await Assert.ThrowsAsync<PushNotificationNotSupportedException>(() => server.Client.CreateTaskPushNotificationConfigAsync(config));
        await Assert.ThrowsAsync<PushNotificationNotSupportedException>(() => server.Client.GetTaskPushNotificationConfigAsync(task.Id, "x"));
        await Assert.ThrowsAsync<PushNotificationNotSupportedException>(() => server.Client.ListTaskPushNotificationConfigsAsync(task.Id));
        await Assert.ThrowsAsync<PushNotificationNotSupportedException>(() => server.Client.DeleteTaskPushNotificationConfigAsync(task.Id, "x"));
        SendMessageRequest inline = Send("hello") with { Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = config with { TaskId = null } } };
        await Assert.ThrowsAsync<PushNotificationNotSupportedException>(() => server.Client.SendMessageAsync(inline));
    }
}
