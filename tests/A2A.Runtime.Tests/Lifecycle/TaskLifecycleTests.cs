namespace A2A.Runtime.Tests.Lifecycle;

public class TaskLifecycleTests
{
    // DESIGN.md section 3, written out independently of the implementation. Columns: submitted, working,
    // input-required, auth-required, completed, failed, canceled, rejected.
    private static readonly (TaskState From, string Row)[] Table =
    [
        (TaskState.Unspecified,   "1 0 0 0 0 0 0 0"),
        (TaskState.Submitted,     "0 1 1 1 1 1 1 1"),
        (TaskState.Working,       "0 1 1 1 1 1 1 1"),
        (TaskState.InputRequired, "0 1 0 0 0 1 1 1"),
        (TaskState.AuthRequired,  "0 1 0 0 0 1 1 1"),
        (TaskState.Completed,     "0 0 0 0 0 0 0 0"),
        (TaskState.Failed,        "0 0 0 0 0 0 0 0"),
        (TaskState.Canceled,      "0 0 0 0 0 0 0 0"),
        (TaskState.Rejected,      "0 0 0 0 0 0 0 0"),
    ];

    private static readonly TaskState[] Columns =
    [
        TaskState.Submitted, TaskState.Working, TaskState.InputRequired, TaskState.AuthRequired,
        TaskState.Completed, TaskState.Failed, TaskState.Canceled, TaskState.Rejected,
    ];

    [Fact]
    public void Full_lifecycle_is_exactly_the_design_table()
    {
        foreach ((TaskState from, string row) in Table)
        {
            string[] cells = row.Split(' ');
            for (int i = 0; i < Columns.Length; i++)
            {
                Assert.True(TaskLifecycle.Full.CanTransition(from, Columns[i]) == (cells[i] == "1"), $"{from} -> {Columns[i]} should be {(cells[i] == "1" ? "allowed" : "refused")}");
            }

            Assert.False(TaskLifecycle.Full.CanTransition(from, TaskState.Unspecified));
        }
    }

    [Theory]
    [InlineData(OptionalTaskStates.None)]
    [InlineData(OptionalTaskStates.InputRequired)]
    [InlineData(OptionalTaskStates.AuthRequired | OptionalTaskStates.Rejected)]
    [InlineData(OptionalTaskStates.All)]
    public void Undeclared_states_are_unreachable_and_the_rest_of_the_table_is_unchanged(OptionalTaskStates declared)
    {
        TaskLifecycle lifecycle = TaskLifecycle.For(declared);
        foreach (TaskState from in Enum.GetValues<TaskState>())
        {
            foreach (TaskState to in Enum.GetValues<TaskState>())
            {
                bool expected = TaskLifecycle.Full.CanTransition(from, to) && lifecycle.Declares(to) && (from == TaskState.Unspecified || lifecycle.Declares(from));
                Assert.True(expected == lifecycle.CanTransition(from, to), $"{declared}: {from} -> {to}");
            }
        }
    }

    [Fact]
    public void Lifecycles_are_cached_per_declaration()
    {
        Assert.Same(TaskLifecycle.For(OptionalTaskStates.InputRequired), TaskLifecycle.For(OptionalTaskStates.InputRequired));
        Assert.Same(TaskLifecycle.Full, TaskLifecycle.For(OptionalTaskStates.All));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskLifecycle.For((OptionalTaskStates)64));
    }

    [Fact]
    public void Refusals_say_why_and_what_to_do()
    {
        var terminal = Assert.Throws<InvalidTaskStateException>(() => TaskLifecycle.Full.EnsureTransition("t1", TaskState.Completed, TaskState.Working));
        Assert.Contains("terminal", terminal.Message);
        Assert.Contains("new task", terminal.Message);
        Assert.Equal(A2AErrorCodes.UnsupportedOperation, terminal.Code);
        Assert.Equal(TaskState.Completed, terminal.CurrentState);
        Assert.Equal(TaskState.Working, terminal.RequestedState);

        var undeclared = Assert.Throws<InvalidTaskStateException>(() => TaskLifecycle.Minimal.EnsureTransition("t1", TaskState.Working, TaskState.InputRequired));
        Assert.Contains("does not declare", undeclared.Message);
        Assert.Contains("OptionalTaskStates.InputRequired", undeclared.Message);

        var illegal = Assert.Throws<InvalidTaskStateException>(() => TaskLifecycle.Full.EnsureTransition("t1", TaskState.InputRequired, TaskState.Completed));
        Assert.Contains("TASK_STATE_WORKING", illegal.Message); // lists what is allowed instead
    }

    [Fact]
    public void Triggers_map_one_to_one_to_states()
    {
        foreach (TaskTrigger trigger in Enum.GetValues<TaskTrigger>())
        {
            Assert.Equal(trigger, TaskLifecycle.TriggerFor(TaskLifecycle.TargetOf(trigger)));
        }
    }

    [Fact]
    public void Definition_answers_permitted_triggers_and_terminal_states_are_final()
    {
        StateMachineDefinition<TaskState, TaskTrigger> definition = TaskLifecycle.For(OptionalTaskStates.InputRequired).Definition;
        Assert.Equal([TaskTrigger.Work, TaskTrigger.Fail, TaskTrigger.Cancel], definition.GetPermittedTriggers(TaskState.InputRequired));
        Assert.True(definition.IsFinal(TaskState.Completed));
        Assert.False(definition.IsFinal(TaskState.Working));
        Assert.DoesNotContain(TaskState.AuthRequired, definition.States);
    }

    [Fact]
    public void Mermaid_diagram_shows_the_declared_lifecycle()
    {
        string mermaid = TaskLifecycle.For(OptionalTaskStates.InputRequired).ToMermaid();
        Assert.StartsWith("stateDiagram-v2\n", mermaid);
        Assert.Contains("[*] --> Submitted : Submit", mermaid);
        Assert.Contains("Working --> InputRequired : RequireInput", mermaid);
        Assert.Contains("InputRequired --> Working : Work", mermaid);
        Assert.Contains("Completed --> [*]", mermaid);
        Assert.DoesNotContain("AuthRequired", mermaid);
        Assert.DoesNotContain("Rejected", mermaid);
    }

    [Fact]
    public void Dot_graph_marks_final_states()
    {
        string dot = TaskLifecycle.Minimal.ToDot();
        Assert.StartsWith("digraph {", dot);
        Assert.Contains("\"Completed\" [shape=doublecircle]", dot);
        Assert.Contains("\"Submitted\" -> \"Working\" [label=\"Work\"]", dot);
    }

    [Fact]
    public void Checking_a_transition_allocates_nothing()
    {
        TaskLifecycle lifecycle = TaskLifecycle.Full;
        lifecycle.CanTransition(TaskState.Working, TaskState.Completed); // warm up (JIT, statics)
        lifecycle.Definition.CanFire(TaskState.Working, TaskTrigger.Complete);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool any = false;
        for (int i = 0; i < 1000; i++)
        {
            any |= lifecycle.CanTransition((TaskState)(i % 9), (TaskState)((i / 9) % 9));
            any |= lifecycle.Definition.CanFire((TaskState)(i % 9), (TaskTrigger)(i % 8));
        }

        Assert.True(any);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
