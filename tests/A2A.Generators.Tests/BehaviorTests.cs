using System.Reflection;
using A2A.Lifecycle;
using A2A.Protocol;

namespace A2A.Generators.Tests;

/// <summary>
/// Generated code compiled in memory, loaded and run against the real runtime. Each scenario is C# compiled with
/// the golden input, so it exercises the generated API exactly as a user would write against it.
/// </summary>
public class BehaviorTests
{
    [Fact]
    public async Task The_typed_updater_drives_a_task_and_the_client_manager_reads_typed_artifacts_back()
    {
        const string scenario = """
            using System.Linq;
            using System.Threading.Tasks;
            using A2A.Protocol;
            using A2A.Storage;
            using Samples.Travel;

            public static class Scenario
            {
                public static async Task<string> RunAsync()
                {
                    var manager = new TripPlannerAgentTaskManager(new InMemoryTaskStore());
                    var ask = new Message { MessageId = "m1", Role = Role.User, Parts = new[] { Part.FromText("Lisbon") } };
                    AgentTask done = await manager.ExecuteAsync(new TripPlannerAgent(), ask);

                    // The client side sees the same task through the event log, typed.
                    var client = new TripPlannerAgentClientTaskManager();
                    await foreach (TaskEventRecord record in manager.SubscribeAsync(done.Id, new A2A.Tasks.TaskSubscriptionOptions { AfterSequence = 0 }))
                    {
                        client.Process(record.Event);
                    }

                    Itinerary itinerary = client.GetItinerary()!;
                    PriceQuote quote = client.GetPriceQuote()!;
                    return $"{done.Status.State}|{itinerary.City}|{string.Join(",", itinerary.Days)}|{quote.Amount} {quote.Currency}|{client.GetTravelWarningList().Count}|{client.GetTaskOrThrow().Artifacts.Count}";
                }
            }
            """;

        Assert.Equal("Completed|Lisbon|Alfama,Belém|420.50 EUR|0|2", await RunScenario("SeveralArtifacts", scenario));
    }

    [Fact]
    public async Task Input_required_round_trip_and_declared_states_only()
    {
        const string scenario = """
            using System.Threading.Tasks;
            using A2A.Protocol;
            using A2A.Storage;
            using Samples.Booking;

            public static class Scenario
            {
                public static async Task<string> RunAsync()
                {
                    var manager = new BookingAgentTaskManager(new InMemoryTaskStore());
                    var handler = new BookingAgent();
                    AgentTask first = await manager.ExecuteAsync(handler, new Message { MessageId = "m1", Role = Role.User, Parts = new[] { Part.FromText("dinner") } });
                    AgentTask second = await manager.ExecuteAsync(handler, new Message { MessageId = "m2", Role = Role.User, TaskId = first.Id, Parts = new[] { Part.FromText("four") } });
                    AgentTask rejected = await manager.ExecuteAsync(handler, new Message { MessageId = "m3", Role = Role.User, Parts = new[] { Part.FromText("") } });
                    return $"{first.Status.State}|{second.Status.State}|{second.Id == first.Id}|{second.History.Count}|{rejected.Status.State}|{BookingAgentCard.Create("http://127.0.0.1/a2a").Skills.Count}";
                }
            }
            """;

        Assert.Equal("InputRequired|Completed|True|3|Rejected|2", await RunScenario("AllOptionalStates", scenario));
    }

    [Fact]
    public async Task Source_generated_json_context_serializes_typed_artifacts()
    {
        const string scenario = """
            using System.Threading.Tasks;
            using A2A.Json;
            using A2A.Protocol;
            using A2A.Storage;
            using Samples.Aot;

            public static class Scenario
            {
                public static async Task<string> RunAsync()
                {
                    var manager = new SummarizerTaskManager(new InMemoryTaskStore());
                    AgentTask done = await manager.ExecuteAsync(new Summarizer(), new Message { MessageId = "m1", Role = Role.User, Parts = new[] { Part.FromText("three little words") } });
                    var client = new SummarizerClientTaskManager();
                    client.Process(StreamResponse.From(done));
                    return A2AJson.Serialize(done.Artifacts[0].Parts[0]) + "|" + client.GetSummary()!.Words;
                }
            }
            """;

        Assert.Equal("{\"data\":{\"title\":\"Summary of three little words\",\"words\":3},\"mediaType\":\"application/json\"}|3", await RunScenario("UserJsonContext", scenario));
    }

    [Fact]
    public async Task A_handler_that_returns_with_the_task_still_working_fails_it()
    {
        const string scenario = """
            using System.Threading;
            using System.Threading.Tasks;
            using A2A.Protocol;
            using A2A.Storage;
            using Samples.Deeply.Nested.Space;

            internal sealed class Forgetful : IAgentsSupportDeskHandler
            {
                public Task ExecuteAsync(AgentsSupportDeskContext context, CancellationToken cancellationToken) => context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            }

            public static class Scenario
            {
                public static async Task<string> RunAsync()
                {
                    var manager = new AgentsSupportDeskTaskManager(new InMemoryTaskStore());
                    AgentTask waiting = await manager.ExecuteAsync(new Agents.Support.Desk(), new Message { MessageId = "m1", Role = Role.User, Parts = new[] { Part.FromText("help") } });
                    AgentTask forgotten = await manager.ExecuteAsync(new Forgetful(), new Message { MessageId = "m2", Role = Role.User, Parts = new[] { Part.FromText("help") } });
                    return $"{waiting.Status.State}|{forgotten.Status.State}|{forgotten.Status.Message!.Parts[0].Text!.Contains("still TASK_STATE_WORKING")}";
                }
            }
            """;

        Assert.Equal("InputRequired|Failed|True", await RunScenario("NestedTypes", scenario));
    }

    [Fact]
    public async Task A_handler_may_answer_with_a_direct_reply_and_no_task_is_stored()
    {
        const string scenario = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using A2A.Protocol;
            using A2A.Storage;
            using Samples.Deeply.Nested.Space;

            internal sealed class Greeter : IAgentsSupportDeskHandler
            {
                public async Task ExecuteAsync(AgentsSupportDeskContext context, CancellationToken cancellationToken)
                {
                    if (context.Text == "hi") { await context.ReplyAsync("hello!", cancellationToken); return; }
                    await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                    await context.Updater.CompleteAsync("done", cancellationToken);
                }
            }

            public static class Scenario
            {
                public static async Task<string> RunAsync()
                {
                    var store = new InMemoryTaskStore();
                    var manager = new AgentsSupportDeskTaskManager(store);
                    SendMessageResponse reply = await manager.SendMessageAsync(new Greeter(), new Message { MessageId = "m1", Role = Role.User, Parts = new[] { Part.FromText("hi") } });
                    SendMessageResponse task = await manager.SendMessageAsync(new Greeter(), new Message { MessageId = "m2", Role = Role.User, Parts = new[] { Part.FromText("work") } });
                    string refused;
                    try { await manager.ExecuteAsync(new Greeter(), new Message { MessageId = "m3", Role = Role.User, Parts = new[] { Part.FromText("hi") } }); refused = "no"; }
                    catch (InvalidOperationException) { refused = "yes"; }

                    var client = new AgentsSupportDeskClientTaskManager();
                    client.Process(reply);
                    int stored = (await store.ListAsync(new TaskQuery())).Tasks.Count;
                    return $"{reply.Message!.Parts[0].Text}|{reply.Task is null}|{task.Task!.Status.State}|{refused}|{client.Reply!.Parts[0].Text}|{client.GetTask() is null}|{stored}";
                }
            }
            """;

        Assert.Equal("hello!|True|Completed|yes|hello!|True|1", await RunScenario("NestedTypes", scenario));
    }

    [Fact]
    public async Task A_client_only_project_gets_the_typed_client_manager_from_the_contract()
    {
        const string scenario = """
            using System.Threading.Tasks;
            using A2A.Protocol;
            using Samples.Contracts;

            public static class Scenario
            {
                public static Task<string> RunAsync()
                {
                    // No handler anywhere: only the contract interface and what was generated from it.
                    var client = new WeatherAgentClientTaskManager();
                    var task = new AgentTask
                    {
                        Id = "t1", ContextId = "c1",
                        Status = new AgentTaskStatus { State = TaskState.AuthRequired },
                        Artifacts = new[] { new Artifact { ArtifactId = "a1", Name = "Forecast", Parts = new[] { Part.FromData(System.Text.Json.JsonDocument.Parse("{\"city\":\"Oslo\",\"celsius\":-3.5}").RootElement) } } },
                    };
                    client.Process(StreamResponse.From(task));
                    Forecast forecast = client.GetForecast()!;
                    try
                    {
                        client.Process(StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.InputRequired } }));
                        return Task.FromResult("accepted an undeclared state");
                    }
                    catch (A2A.Errors.InvalidAgentResponseException)
                    {
                        return Task.FromResult($"{forecast.City} {forecast.Celsius}|{WeatherAgentLifecycle.Lifecycle.Declares(TaskState.InputRequired)}");
                    }
                }
            }
            """;

        Assert.Equal("Oslo -3.5|False", await RunScenario("ContractInterface", scenario));
    }

    [Fact]
    public async Task The_dependency_injection_registration_resolves_a_working_agent()
    {
        const string scenario = """
            using System.Threading.Tasks;
            using A2A.Protocol;
            using A2A.Storage;
            using Microsoft.Extensions.DependencyInjection;
            using Samples.Minimal;

            public static class Scenario
            {
                public static async Task<string> RunAsync()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<ITaskStore, InMemoryTaskStore>();
                    services.AddEchoAgent();
                    using ServiceProvider provider = services.BuildServiceProvider();

                    EchoAgentTaskManager manager = provider.GetRequiredService<EchoAgentTaskManager>();
                    IEchoAgentHandler handler = provider.GetRequiredService<IEchoAgentHandler>();
                    AgentTask done = await manager.ExecuteAsync(handler, new Message { MessageId = "m1", Role = Role.User, Parts = new[] { Part.FromText("hi") } });
                    AgentTask stored = (await provider.GetRequiredService<ITaskStore>().GetAsync(done.Id))!.Task;
                    return $"{handler.GetType().Name}|{stored.Status.State}|{stored.Status.Message!.Parts[0].Text}";
                }
            }
            """;

        Assert.Equal("EchoAgent|Completed|echo: hi", await RunScenario("Minimal", scenario));
    }

    private static async Task<string> RunScenario(string golden, string scenario)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([GoldenFileTests.Input(golden), scenario]));
        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors));
        Assembly assembly = GeneratorHarness.Load(run.Compilation);
        MethodInfo method = assembly.GetType("Scenario")!.GetMethod("RunAsync")!;
        return await (Task<string>)method.Invoke(null, null)!;
    }
}
