using A2A.Client;
using A2A.Protocol;
using A2A.Storage.Sqlite;

namespace A2A.Storage.Tests.Server;

/// <summary>
/// What a request costs the durable store: one commit per change the agent makes (its first change creates the task
/// in the same write), the run lease riding on those writes (taken by the write that creates the task, ended by the
/// write that finishes it), and nothing at all for a direct reply.
/// </summary>
public sealed class RequestCostTests
{
    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_task_costs_one_commit_per_change_and_its_lease_no_commit_of_its_own(string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync("sqlite");
        var store = (SqliteTaskStore)server.Store;
        A2AClient client = await server.ClientAsync(binding, "1.0");
        await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("warm up") });

        long before = store.Commits;
        AgentTask task = (await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("hello") })).Task!;
        await WaitForQuietAsync(store);

        // The echo agent's three changes (the artifact, which creates the task in the same write; the last chunk; the
        // completion) are three commits: none takes the lease, none releases it, none creates the task on its own.
        Assert.Equal(TaskState.Completed, task.Status.State);
        Assert.Equal(3, store.Commits - before);
        Assert.True(await store.TryAcquireLeaseAsync(task.Id, "another instance", TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_turn_pays_its_lease_at_most_one_commit_of_its_own(string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync("sqlite");
        var store = (SqliteTaskStore)server.Store;
        A2AClient client = await server.ClientAsync(binding, "1.0");
        await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("warm up") });

        // A turn that leaves its task waiting for input: its one write, then the release of its lease.
        long before = store.Commits;
        AgentTask waiting = (await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser(StoreServer.AskForInput) })).Task!;
        await WaitForQuietAsync(store);
        Assert.Equal(TaskState.InputRequired, waiting.Status.State);
        Assert.Equal(2, store.Commits - before);

        // The follow-up: its message is appended with the lease taken in the same write, then the echo's four changes
        // (the artifact, added while the task still waits for input; working again; the last chunk; the completion,
        // which ends the lease). The blocking answer is the turn's outcome, not its first write.
        before = store.Commits;
        AgentTask done = (await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("more") with { TaskId = waiting.Id, ContextId = waiting.ContextId } })).Task!;
        await WaitForQuietAsync(store);
        Assert.Equal(TaskState.Completed, done.Status.State);
        Assert.Equal(5, store.Commits - before);
        Assert.True(await store.TryAcquireLeaseAsync(done.Id, "another instance", TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_direct_reply_writes_nothing(string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync("sqlite");
        var store = (SqliteTaskStore)server.Store;
        A2AClient client = await server.ClientAsync(binding, "1.0");
        await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("warm up") });

        long before = store.Commits;
        SendMessageResponse answer = await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser(StoreServer.DirectReply) });
        await foreach (StreamResponse _ in client.SendStreamingMessageAsync(new SendMessageRequest { Message = Message.FromUser(StoreServer.DirectReply) }))
        {
        }

        await WaitForQuietAsync(store);
        Assert.NotNull(answer.Message);
        Assert.Equal(0, store.Commits - before);
    }

    // The run ends (and would release anything it still held) just after the answer is sent: wait until the commit
    // count has stood still for a while, bounded.
    private static async Task WaitForQuietAsync(SqliteTaskStore store)
    {
        long seen = -1;
        for (int i = 0; i < 100 && store.Commits != seen; i++)
        {
            seen = store.Commits;
            await Task.Delay(50);
        }
    }
}
