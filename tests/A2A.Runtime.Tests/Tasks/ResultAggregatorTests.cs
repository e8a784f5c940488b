using A2A.Json;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

public class ResultAggregatorTests
{
    private static StreamResponse Status(TaskState state, string taskId = "t1") =>
        StreamResponse.From(new TaskStatusUpdateEvent { TaskId = taskId, ContextId = "c1", Status = new AgentTaskStatus { State = state } });

    private static StreamResponse Chunk(string artifactId, string text, bool append = false, bool last = false) =>
        StreamResponse.From(new TaskArtifactUpdateEvent { TaskId = "t1", ContextId = "c1", Artifact = TextArtifact(artifactId, text), Append = append, LastChunk = last });

    private static StreamResponse Snapshot(TaskState state) =>
        StreamResponse.From(new AgentTask { Id = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = state } });

    private static async IAsyncEnumerable<StreamResponse> Stream(params StreamResponse[] events)
    {
        foreach (StreamResponse e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    [Fact]
    public async Task Assembles_chunks_into_the_final_task()
    {
        AgentTask task = await new ResultAggregator().ConsumeTaskAsync(Stream(
            Snapshot(TaskState.Submitted), Status(TaskState.Working),
            Chunk("a", "Hello, "), Chunk("a", "world!", append: true, last: true),
            Status(TaskState.Completed)));

        Assert.Equal(TaskState.Completed, task.Status.State);
        Assert.Equal(["Hello, ", "world!"], Assert.Single(task.Artifacts).Parts.Select(p => p.Text));
    }

    [Fact]
    public async Task Consumes_the_recorded_JS_SDK_stream()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "TestData", "wire", "stream");
        StreamResponse[] events = Directory.GetFiles(dir, "v1-jsonrpc-003-stream-*.json").Order()
            .Select(f => A2AJson.Deserialize<StreamResponse>(File.ReadAllText(f))).ToArray();

        AgentTask task = await new ResultAggregator().ConsumeTaskAsync(Stream(events));
        Assert.Equal(TaskState.Completed, task.Status.State);
        Assert.Equal("Hello, world!", string.Concat(task.Artifacts.Single().Parts.Select(p => p.Text)));
        Assert.Equal(["hello (stream)", "working on it"], task.History.Select(m => m.Parts[0].Text));
    }

    [Fact]
    public void Append_to_an_unknown_artifact_is_an_error()
    {
        var aggregator = new ResultAggregator();
        aggregator.Apply(Snapshot(TaskState.Working));
        var error = Assert.Throws<InvalidAgentResponseException>(() => aggregator.Apply(Chunk("ghost", "x", append: true)));
        Assert.Contains("ghost", error.Message);
        Assert.Empty(aggregator.CurrentTask!.Artifacts);
    }

    [Fact]
    public void Append_after_the_last_chunk_is_an_error_and_open_artifacts_are_tracked()
    {
        var aggregator = new ResultAggregator();
        aggregator.Apply(Snapshot(TaskState.Working));
        aggregator.Apply(Chunk("a", "1"));
        Assert.Equal(["a"], aggregator.OpenArtifactIds);
        aggregator.Apply(Chunk("a", "2", append: true, last: true));
        Assert.Empty(aggregator.OpenArtifactIds);
        Assert.Throws<InvalidAgentResponseException>(() => aggregator.Apply(Chunk("a", "3", append: true)));
    }

    [Fact]
    public void Updates_after_a_terminal_state_are_protocol_violations()
    {
        var aggregator = new ResultAggregator();
        aggregator.Apply(Snapshot(TaskState.Working));
        aggregator.Apply(Status(TaskState.Completed));
        Assert.Throws<InvalidAgentResponseException>(() => aggregator.Apply(Status(TaskState.Working)));
        Assert.Throws<InvalidAgentResponseException>(() => aggregator.Apply(Chunk("a", "late")));
        aggregator.Apply(Snapshot(TaskState.Completed)); // a resent final snapshot is allowed by the spec
        Assert.Equal(TaskState.Completed, aggregator.CurrentTask!.Status.State);
        Assert.Throws<InvalidAgentResponseException>(() => aggregator.Apply(Status(TaskState.Completed, taskId: "other")));
    }

    [Fact]
    public async Task A_direct_message_reply_is_returned_as_a_message()
    {
        Message reply = AgentMessage("echo");
        SendMessageResponse result = await new ResultAggregator().ConsumeAllAsync(Stream(StreamResponse.From(reply)));
        Assert.Same(reply, result.Message);
        Assert.Null(result.Task);
        await Assert.ThrowsAsync<InvalidAgentResponseException>(() => new ResultAggregator().ConsumeTaskAsync(Stream(StreamResponse.From(reply))));
        await Assert.ThrowsAsync<InvalidAgentResponseException>(() => new ResultAggregator().ConsumeAllAsync(Stream()));
    }

    [Fact]
    public void A_stream_that_starts_mid_task_is_accepted_from_its_first_status()
    {
        var aggregator = new ResultAggregator();
        aggregator.Apply(Status(TaskState.InputRequired));
        aggregator.Apply(Status(TaskState.Working));
        Assert.Equal(TaskState.Working, aggregator.CurrentTask!.Status.State);
    }
}
