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
    public async Task Stateless_machine_answers_permitted_triggers_and_terminal_states_permit_nothing()
    {
        TaskLifecycle lifecycle = TaskLifecycle.For(OptionalTaskStates.InputRequired);
        Stateless.StateMachine<TaskState, TaskTrigger> waiting = lifecycle.CreateStateMachine(TaskState.InputRequired);
        Assert.Equal([TaskTrigger.Work, TaskTrigger.Fail, TaskTrigger.Cancel], (await waiting.GetPermittedTriggersAsync()).Order());
        Assert.Empty(await lifecycle.CreateStateMachine(TaskState.Completed).GetPermittedTriggersAsync());
        Assert.DoesNotContain(lifecycle.Info.States, s => (TaskState)s.UnderlyingState == TaskState.AuthRequired);
        Assert.Equal(TaskState.Unspecified, (TaskState)lifecycle.Info.InitialState.UnderlyingState);
    }

    [Fact]
    public void Firing_the_Stateless_machine_walks_the_lifecycle()
    {
        TaskState stored = TaskState.Unspecified;
        Stateless.StateMachine<TaskState, TaskTrigger> machine = TaskLifecycle.Minimal.CreateStateMachine(() => stored, s => stored = s);
        machine.Fire(TaskTrigger.Submit);
        machine.Fire(TaskTrigger.Work);
        machine.Fire(TaskTrigger.Work); // progress: reentry
        machine.Fire(TaskTrigger.Complete);
        Assert.Equal(TaskState.Completed, stored);
        Assert.Throws<InvalidOperationException>(() => machine.Fire(TaskTrigger.Work));
        Assert.Throws<InvalidOperationException>(() => TaskLifecycle.Minimal.CreateStateMachine(TaskState.Working).Fire(TaskTrigger.RequireInput));
    }

    [Theory]
    [MemberData(nameof(AllDeclarations))]
    public void Precomputed_table_and_transitions_agree_with_Stateless(OptionalTaskStates declared)
    {
        TaskLifecycle lifecycle = TaskLifecycle.For(declared);
        foreach (TaskState from in Enum.GetValues<TaskState>())
        {
            Stateless.StateMachine<TaskState, TaskTrigger> machine = lifecycle.CreateStateMachine(from);
            foreach (TaskTrigger trigger in Enum.GetValues<TaskTrigger>())
            {
                TaskState to = TaskLifecycle.TargetOf(trigger);
                bool stateless = lifecycle.Declares(from) || from == TaskState.Unspecified ? machine.CanFire(trigger) : false;
                Assert.True(stateless == lifecycle.CanTransition(from, to), $"{declared}: {from} -{trigger}-> {to}: Stateless says {stateless}");
                Assert.Equal(stateless, lifecycle.Transitions.Contains(new TaskTransition(from, trigger, to)));
            }
        }
    }

    [Fact]
    public void What_a_user_configures_on_a_handed_out_machine_changes_nothing_the_runtime_enforces()
    {
        TaskLifecycle lifecycle = TaskLifecycle.Minimal;
        Stateless.StateMachine<TaskState, TaskTrigger> mine = lifecycle.CreateStateMachine(TaskState.Completed);
        mine.Configure(TaskState.Completed).Permit(TaskTrigger.Work, TaskState.Working);
        mine.Configure(TaskState.Working).Permit(TaskTrigger.RequireInput, TaskState.InputRequired);
        mine.Fire(TaskTrigger.Work);
        Assert.Equal(TaskState.Working, mine.State);

        Assert.False(lifecycle.CanTransition(TaskState.Completed, TaskState.Working));
        Assert.False(lifecycle.CanTransition(TaskState.Working, TaskState.InputRequired));
        Assert.False(lifecycle.CreateStateMachine(TaskState.Completed).CanFire(TaskTrigger.Work));
        Assert.Same(lifecycle, TaskLifecycle.Minimal);
    }

    [Fact]
    public void Mermaid_diagram_is_Stateless_export_of_the_declared_lifecycle()
    {
        TaskLifecycle lifecycle = TaskLifecycle.For(OptionalTaskStates.InputRequired);
        string mermaid = lifecycle.ToMermaid();
        Assert.StartsWith("stateDiagram-v2", mermaid);
        Assert.Equal(Expected(lifecycle), MermaidEdges(mermaid));
        Assert.DoesNotContain("AuthRequired", mermaid);
        Assert.DoesNotContain("Rejected", mermaid);
    }

    [Fact]
    public void Dot_graph_is_Stateless_export_of_the_declared_lifecycle()
    {
        TaskLifecycle lifecycle = TaskLifecycle.Minimal;
        string dot = lifecycle.ToDot();
        Assert.StartsWith("digraph {", dot.TrimStart());
        Assert.Equal(Expected(lifecycle), DotEdges(dot));
    }

    [Fact]
    public void Checking_a_transition_allocates_nothing()
    {
        TaskLifecycle lifecycle = TaskLifecycle.Full;
        lifecycle.CanTransition(TaskState.Working, TaskState.Completed); // warm up (JIT, statics)

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool any = false;
        for (int i = 0; i < 1000; i++)
        {
            any |= lifecycle.CanTransition((TaskState)(i % 9), (TaskState)((i / 9) % 9));
        }

        Assert.True(any);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public static TheoryData<OptionalTaskStates> AllDeclarations()
    {
        var data = new TheoryData<OptionalTaskStates>();
        for (int flags = 0; flags <= (int)OptionalTaskStates.All; flags++)
        {
            data.Add((OptionalTaskStates)flags);
        }

        return data;
    }

    // Diagrams are compared by their edges: Stateless's text (indentation, newline style) is its own business.
    private static SortedSet<string> Expected(TaskLifecycle lifecycle) =>
        new(lifecycle.Transitions.Select(t => $"{t.Source} -{t.Trigger}-> {t.Destination}"), StringComparer.Ordinal);

    private static SortedSet<string> MermaidEdges(string mermaid) => new(
        System.Text.RegularExpressions.Regex.Matches(mermaid, @"^\s*(\w+) --> (\w+) : (\w+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => $"{m.Groups[1].Value} -{m.Groups[3].Value}-> {m.Groups[2].Value}"),
        StringComparer.Ordinal);

    private static SortedSet<string> DotEdges(string dot) => new(
        System.Text.RegularExpressions.Regex.Matches(dot, @"""(\w+)"" -> ""(\w+)"" \[(?:style=""solid"", )?label=""(\w+)""", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => $"{m.Groups[1].Value} -{m.Groups[3].Value}-> {m.Groups[2].Value}"),
        StringComparer.Ordinal);
}
