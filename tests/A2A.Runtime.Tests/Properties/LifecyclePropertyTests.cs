using A2A.Json;
using FsCheck;
using FsCheck.Fluent;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Properties;

/// <summary>
/// Random operation sequences against a real TaskManager over the in-memory store. Whatever the sequence, a task
/// never leaves a terminal state, versions grow by exactly one per accepted change (refused changes write
/// nothing), a status change is accepted exactly when the lifecycle table allows it, and replaying the event log
/// rebuilds the stored task.
/// </summary>
public class LifecyclePropertyTests
{
    public enum OpKind { Status, Artifact, Message, Cancel }

    public sealed record Op(OpKind Kind, TaskState State, string ArtifactId, bool Append, bool LastChunk)
    {
        public override string ToString() => Kind switch
        {
            OpKind.Status => $"status {State}",
            OpKind.Artifact => $"artifact {ArtifactId}{(Append ? " append" : "")}{(LastChunk ? " last" : "")}",
            _ => Kind.ToString(),
        };
    }

    public sealed record Scenario(OptionalTaskStates Declared, Op[] Ops)
    {
        public override string ToString() => $"{Declared}: {string.Join(", ", Ops.Select(o => o.ToString()))}";
    }

    private static readonly TaskState[] AnyState = Enum.GetValues<TaskState>();

    private static Arbitrary<Scenario> Scenarios()
    {
        Gen<Op> op =
            from kind in Gen.Frequency((6, Gen.Constant(OpKind.Status)), (4, Gen.Constant(OpKind.Artifact)), (1, Gen.Constant(OpKind.Message)), (1, Gen.Constant(OpKind.Cancel)))
            from state in Gen.Elements(AnyState)
            from artifact in Gen.Elements("a", "b", "c")
            from append in Gen.Elements(false, true)
            from last in Gen.Elements(false, true)
            select new Op(kind, state, artifact, append, last);

        Gen<Scenario> scenario =
            from declared in Gen.Choose(0, (int)OptionalTaskStates.All)
            from ops in Gen.ArrayOf(op)
            select new Scenario((OptionalTaskStates)declared, ops);

        return scenario.ToArbitrary();
    }

    [Fact]
    public void Random_operation_sequences_keep_every_lifecycle_invariant()
    {
        Property property = Prop.ForAll(Scenarios(), scenario => Run(scenario).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(60), property);
    }

    private static async Task<bool> Run(Scenario scenario)
    {
        TaskLifecycle lifecycle = TaskLifecycle.For(scenario.Declared);
        TaskManager manager = NewManager(lifecycle);
        AgentTask created = await manager.CreateTaskAsync(UserMessage("start"));
        StoredTask before = (await manager.Store.GetAsync(created.Id))!;

        foreach (Op op in scenario.Ops)
        {
            bool accepted = await TryApply(manager, created.Id, op);
            StoredTask after = (await manager.Store.GetAsync(created.Id))!;
            TaskState from = before.Task.Status.State;

            if (from.IsTerminal() && after.Task.Status.State != from)
            {
                throw new Xunit.Sdk.XunitException($"left terminal state {from} via {op}");
            }

            long expectedVersion = before.Version + (accepted ? 1 : 0);
            if (after.Version != expectedVersion)
            {
                throw new Xunit.Sdk.XunitException($"version {before.Version} -> {after.Version} after {(accepted ? "accepted" : "refused")} {op}");
            }

            if (!accepted && !ReferenceEquals(before.Task, after.Task))
            {
                throw new Xunit.Sdk.XunitException($"refused {op} still changed the task");
            }

            if (op.Kind == OpKind.Status && accepted != lifecycle.CanTransition(from, op.State))
            {
                throw new Xunit.Sdk.XunitException($"{op} from {from} was {(accepted ? "accepted" : "refused")} against the table");
            }

            before = after;
        }

        IReadOnlyList<TaskEventRecord> log = await manager.Store.ReadEventsAsync(created.Id, 0, int.MaxValue);
        if (!log.Select(r => r.Sequence).SequenceEqual(Enumerable.Range(1, log.Count).Select(i => (long)i)) || log[^1].Sequence != before.Version)
        {
            throw new Xunit.Sdk.XunitException("event log has gaps or does not end at the stored version");
        }

        AgentTask replayed = TaskProjection.Replay(log.Select(r => r.Event), lifecycle);
        if (A2AJson.Serialize(replayed) != A2AJson.Serialize(before.Task))
        {
            throw new Xunit.Sdk.XunitException("replaying the event log did not rebuild the stored task");
        }

        return true;
    }

    private static async Task<bool> TryApply(TaskManager manager, string taskId, Op op)
    {
        try
        {
            switch (op.Kind)
            {
                case OpKind.Status:
                    await manager.UpdateStatusAsync(taskId, op.State, op.State == TaskState.InputRequired ? AgentMessage("question") : null);
                    break;
                case OpKind.Artifact:
                    await manager.AddArtifactAsync(taskId, TextArtifact(op.ArtifactId, op.ToString()), op.Append, op.LastChunk);
                    break;
                case OpKind.Message:
                    await manager.UpdateWithMessageAsync(taskId, UserMessage("more"));
                    break;
                case OpKind.Cancel:
                    await manager.CancelTaskAsync(taskId);
                    break;
            }

            return true;
        }
        catch (A2AException)
        {
            return false; // a refusal: the invariants above check it wrote nothing
        }
    }
}
