using System.Runtime.CompilerServices;
using A2A.Errors;
using A2A.Protocol;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace A2A.Lifecycle;

/// <summary>
/// The A2A task lifecycle of one agent, defined as a Stateless <see cref="StateMachine{TState,TTrigger}"/>: the
/// A2A transition table restricted to the optional states the agent declares. Terminal states (completed, failed,
/// canceled, rejected) are absorbing; undeclared states are unreachable.
/// </summary>
/// <remarks>
/// <para>
/// The table is the A2A toolkit's normative one (docs/lifecycle.md): submitted and working may move anywhere but
/// back to submitted (working → working is progress), input-required and auth-required resume work or end without
/// completing, terminal states allow nothing.
/// </para>
/// <para>
/// The machine starts in <see cref="TaskState.Unspecified"/>, which stands for a task that does not exist yet.
/// Stateless's introspection (<see cref="Info"/>) fills a precomputed table once per optional-state combination, so
/// the check on every change (<see cref="CanTransition"/>) is one array read and allocates nothing, where Stateless's
/// own <c>CanFire</c> and <c>Fire</c> walk its configuration. Instances are immutable and cached.
/// </para>
/// <para>
/// <see cref="CreateStateMachine(TaskState)"/> hands out a new Stateless machine with this configuration, to query,
/// fire or extend; nothing done to it changes what the runtime enforces. To observe transitions that tasks actually
/// make, use <see cref="Tasks.TaskManager.OnTransitionCommitted"/>: it runs after the store accepted the change,
/// where Stateless's OnEntry or OnTransitioned would run before the change is committed (or refused).
/// </para>
/// </remarks>
public sealed class TaskLifecycle
{
    private static readonly TaskLifecycle?[] Cache = new TaskLifecycle?[LifecycleVocabulary.OptionalAll + 1];
    // _allowedTargets[from] has bit `to` set when from → to is allowed: the whole table in 18 bytes.
    private readonly ushort[] _allowedTargets = new ushort[LifecycleVocabulary.StateCount];

    private TaskLifecycle(OptionalTaskStates optionalStates)
    {
        OptionalStates = optionalStates;
        Info = CreateStateMachine(TaskState.Unspecified).GetInfo();
        var transitions = new List<TaskTransition>();
        foreach (StateInfo state in Info.States)
        {
            var from = (TaskState)state.UnderlyingState;
            foreach (FixedTransitionInfo transition in state.FixedTransitions)
            {
                var to = (TaskState)transition.DestinationState.UnderlyingState;
                _allowedTargets[(int)from] |= (ushort)(1 << (int)to);
                transitions.Add(new TaskTransition(from, (TaskTrigger)transition.Trigger.UnderlyingTrigger, to));
            }
        }

        Transitions = transitions.OrderBy(t => t.Source).ThenBy(t => t.Trigger).ToArray();
    }

    /// <summary>The lifecycle with every optional state (input-required, auth-required, rejected).</summary>
    public static TaskLifecycle Full => For(OptionalTaskStates.All);

    /// <summary>The lifecycle with only the mandatory states.</summary>
    public static TaskLifecycle Minimal => For(OptionalTaskStates.None);

    /// <summary>The (cached) lifecycle for an agent that declares <paramref name="optionalStates"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="optionalStates"/> has flags that are not optional states.</exception>
    public static TaskLifecycle For(OptionalTaskStates optionalStates)
    {
        if ((optionalStates & ~OptionalTaskStates.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(optionalStates), optionalStates, "Unknown optional task state flags.");
        }

        int index = (int)optionalStates;
        return Volatile.Read(ref Cache[index]) ?? Interlocked.CompareExchange(ref Cache[index], new TaskLifecycle(optionalStates), null) ?? Cache[index]!;
    }

    /// <summary>The optional states this lifecycle contains.</summary>
    public OptionalTaskStates OptionalStates { get; }

    /// <summary>Stateless's description of the lifecycle (states, permitted triggers, destinations).</summary>
    public StateMachineInfo Info { get; }

    /// <summary>Every allowed transition, ordered by source state and trigger; <see cref="TaskState.Unspecified"/> is a task not yet created.</summary>
    public IReadOnlyList<TaskTransition> Transitions { get; }

    /// <summary>
    /// A new Stateless machine configured with this lifecycle, starting in <paramref name="initialState"/>: fire
    /// triggers on it, ask it what is permitted, or add your own actions. It is yours alone; the runtime keeps
    /// enforcing the lifecycle as defined here whatever you configure on it.
    /// </summary>
    public StateMachine<TaskState, TaskTrigger> CreateStateMachine(TaskState initialState = TaskState.Unspecified)
    {
        var machine = new StateMachine<TaskState, TaskTrigger>(initialState);
        Configure(machine);
        return machine;
    }

    /// <summary>
    /// A new Stateless machine configured with this lifecycle over external state (for example a field of your
    /// own); see <see cref="CreateStateMachine(TaskState)"/>.
    /// </summary>
    public StateMachine<TaskState, TaskTrigger> CreateStateMachine(Func<TaskState> stateAccessor, Action<TaskState> stateMutator)
    {
        var machine = new StateMachine<TaskState, TaskTrigger>(stateAccessor, stateMutator);
        Configure(machine);
        return machine;
    }

    /// <summary>The state a trigger leads to.</summary>
    public static TaskState TargetOf(TaskTrigger trigger) => (uint)trigger < LifecycleVocabulary.TriggerCount
        ? (TaskState)LifecycleVocabulary.TriggerTargets[(int)trigger]
        : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown task trigger.");

    /// <summary>The trigger that leads to <paramref name="state"/>.</summary>
    public static TaskTrigger TriggerFor(TaskState state) => LifecycleVocabulary.TriggerFor((int)state) is int trigger and >= 0
        ? (TaskTrigger)trigger
        : throw new ArgumentOutOfRangeException(nameof(state), state, "No trigger leads to this state.");

    /// <summary>True when the agent's lifecycle contains <paramref name="state"/>.</summary>
    public bool Declares(TaskState state) => state != TaskState.Unspecified && LifecycleVocabulary.Declares((int)OptionalStates, (int)state);

    /// <summary>
    /// True when a task may move from <paramref name="from"/> to <paramref name="to"/>. Use
    /// <see cref="TaskState.Unspecified"/> as <paramref name="from"/> for a task that does not exist yet.
    /// One array read and one mask: no allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanTransition(TaskState from, TaskState to) =>
        (uint)from < LifecycleVocabulary.StateCount && (uint)to < LifecycleVocabulary.StateCount && (_allowedTargets[(int)from] & (1 << (int)to)) != 0;

    /// <summary>Throws <see cref="InvalidTaskStateException"/> with a message that says why, unless <see cref="CanTransition"/>.</summary>
    public void EnsureTransition(string taskId, TaskState from, TaskState to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidTaskStateException(taskId, from, to, ExplainRefusal(taskId, from, to));
        }
    }

    /// <summary>A Mermaid state diagram of this lifecycle, drawn by Stateless.</summary>
    public string ToMermaid() => MermaidGraph.Format(Info);

    /// <summary>A Graphviz DOT (UML style) graph of this lifecycle, drawn by Stateless.</summary>
    public string ToDot() => UmlDotGraph.Format(Info);

    /// <summary>Explains, for an error message, why <paramref name="from"/> → <paramref name="to"/> is refused.</summary>
    public string ExplainRefusal(string taskId, TaskState from, TaskState to)
    {
        if (from.IsTerminal())
        {
            return $"Task {taskId} is already {from.ToWireName()}, a terminal state, and cannot move to {to.ToWireName()}. " +
                "Terminal tasks never change; start a new task for new work.";
        }

        if (!Declares(to))
        {
            return $"Task {taskId} cannot move to {to.ToWireName()}: this agent's lifecycle does not declare that state. " +
                $"Declare it (OptionalTaskStates.{to}) or use a state the agent declares.";
        }

        if (from == TaskState.Unspecified)
        {
            return $"Task {taskId} does not exist yet; a new task starts in TASK_STATE_SUBMITTED, not {to.ToWireName()}.";
        }

        return $"Task {taskId} cannot move from {from.ToWireName()} to {to.ToWireName()}: the A2A lifecycle does not allow it. " +
            $"Allowed from {from.ToWireName()}: {string.Join(", ", AllowedTargets(from).Select(s => s.ToWireName()))}.";
    }

    /// <summary>The states a task in <paramref name="from"/> may move to.</summary>
    public IEnumerable<TaskState> AllowedTargets(TaskState from) =>
        Enum.GetValues<TaskState>().Where(to => CanTransition(from, to));

    // The one place the machine is configured: from the lifecycle vocabulary's table, for the declared states only.
    private void Configure(StateMachine<TaskState, TaskTrigger> machine)
    {
        int declared = (int)OptionalStates;
        for (int from = 0; from < LifecycleVocabulary.StateCount; from++)
        {
            if (!LifecycleVocabulary.Declares(declared, from))
            {
                continue; // an undeclared state is not part of the machine at all
            }

            StateMachine<TaskState, TaskTrigger>.StateConfiguration state = machine.Configure((TaskState)from);
            for (int trigger = 0; trigger < LifecycleVocabulary.TriggerCount; trigger++)
            {
                int to = LifecycleVocabulary.TriggerTargets[trigger];
                if (!LifecycleVocabulary.Allows(declared, from, to))
                {
                    continue;
                }

                // Stateless calls a transition to the same state reentry (working → working: progress).
                _ = from == to ? state.PermitReentry((TaskTrigger)trigger) : state.Permit((TaskTrigger)trigger, (TaskState)to);
            }
        }
    }
}
