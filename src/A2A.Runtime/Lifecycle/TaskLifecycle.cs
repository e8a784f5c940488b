using System.Runtime.CompilerServices;
using A2A.Errors;
using A2A.Protocol;

namespace A2A.Lifecycle;

/// <summary>
/// The A2A task lifecycle of one agent: the project's normative transition table (DESIGN section 3) restricted to
/// the optional states the agent declares. Terminal states (completed, failed, canceled, rejected) are absorbing.
/// </summary>
/// <remarks>
/// <code>
///   from \ to    submitted working input-req auth-req completed failed canceled rejected
///   (new)        yes
///   submitted              yes     yes       yes      yes       yes    yes      yes
///   working                yes     yes       yes      yes       yes    yes      yes
///   input-req.             yes                                  yes    yes      yes
///   auth-req.              yes                                  yes    yes      yes
///   terminal     (nothing)
/// </code>
/// Instances are immutable and cached per <see cref="OptionalTaskStates"/> combination; checks allocate nothing.
/// </remarks>
public sealed class TaskLifecycle
{
    private static readonly TaskLifecycle?[] Cache = new TaskLifecycle?[(int)OptionalTaskStates.All + 1];
    // _allowedTargets[from] has bit `to` set when from → to is allowed: the whole table in 18 bytes.
    private readonly ushort[] _allowedTargets = new ushort[EnumCount];
    private const int EnumCount = (int)TaskState.AuthRequired + 1;

    private TaskLifecycle(OptionalTaskStates optionalStates)
    {
        OptionalStates = optionalStates;
        Definition = BuildDefinition(optionalStates);
        foreach (TaskState from in Definition.States)
        {
            foreach (TaskTrigger trigger in Enum.GetValues<TaskTrigger>())
            {
                if (Definition.TryGetDestination(from, trigger, out TaskState to))
                {
                    _allowedTargets[(int)from] |= (ushort)(1 << (int)to);
                }
            }
        }
    }

    /// <summary>The lifecycle with every optional state (input-required, auth-required, rejected).</summary>
    public static TaskLifecycle Full => For(OptionalTaskStates.All);

    /// <summary>The lifecycle with only the mandatory states.</summary>
    public static TaskLifecycle Minimal => For(OptionalTaskStates.None);

    /// <summary>The (cached) lifecycle for an agent that declares <paramref name="optionalStates"/>.</summary>
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

    /// <summary>The underlying table (Stateless-shaped), for queries and diagram export.</summary>
    public StateMachineDefinition<TaskState, TaskTrigger> Definition { get; }

    /// <summary>The state a trigger leads to.</summary>
    public static TaskState TargetOf(TaskTrigger trigger) => trigger switch
    {
        TaskTrigger.Submit => TaskState.Submitted,
        TaskTrigger.Work => TaskState.Working,
        TaskTrigger.RequireInput => TaskState.InputRequired,
        TaskTrigger.RequireAuth => TaskState.AuthRequired,
        TaskTrigger.Complete => TaskState.Completed,
        TaskTrigger.Fail => TaskState.Failed,
        TaskTrigger.Cancel => TaskState.Canceled,
        TaskTrigger.Reject => TaskState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown task trigger."),
    };

    /// <summary>The trigger that leads to <paramref name="state"/>.</summary>
    public static TaskTrigger TriggerFor(TaskState state) => state switch
    {
        TaskState.Submitted => TaskTrigger.Submit,
        TaskState.Working => TaskTrigger.Work,
        TaskState.InputRequired => TaskTrigger.RequireInput,
        TaskState.AuthRequired => TaskTrigger.RequireAuth,
        TaskState.Completed => TaskTrigger.Complete,
        TaskState.Failed => TaskTrigger.Fail,
        TaskState.Canceled => TaskTrigger.Cancel,
        TaskState.Rejected => TaskTrigger.Reject,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No trigger leads to this state."),
    };

    /// <summary>True when the agent's lifecycle contains <paramref name="state"/>.</summary>
    public bool Declares(TaskState state) => state switch
    {
        TaskState.Submitted or TaskState.Working or TaskState.Completed or TaskState.Failed or TaskState.Canceled => true,
        TaskState.InputRequired => (OptionalStates & OptionalTaskStates.InputRequired) != 0,
        TaskState.AuthRequired => (OptionalStates & OptionalTaskStates.AuthRequired) != 0,
        TaskState.Rejected => (OptionalStates & OptionalTaskStates.Rejected) != 0,
        _ => false,
    };

    /// <summary>
    /// True when a task may move from <paramref name="from"/> to <paramref name="to"/>. Use
    /// <see cref="TaskState.Unspecified"/> as <paramref name="from"/> for a task that does not exist yet.
    /// One array read and one mask: no allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanTransition(TaskState from, TaskState to) =>
        (uint)from < (uint)EnumCount && (uint)to < (uint)EnumCount && (_allowedTargets[(int)from] & (1 << (int)to)) != 0;

    /// <summary>Throws <see cref="InvalidTaskStateException"/> with a message that says why, unless <see cref="CanTransition"/>.</summary>
    public void EnsureTransition(string taskId, TaskState from, TaskState to)
    {
        if (!CanTransition(from, to))
        {
            throw new InvalidTaskStateException(taskId, from, to, ExplainRefusal(taskId, from, to));
        }
    }

    /// <summary>A Mermaid state diagram of this lifecycle.</summary>
    public string ToMermaid() => Definition.ToMermaid();

    /// <summary>A Graphviz DOT graph of this lifecycle.</summary>
    public string ToDot() => Definition.ToDot();

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
                $"Declare it (OptionalTaskStates.{TriggerStateName(to)}) or use a state the agent declares.";
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

    private static string TriggerStateName(TaskState state) => state switch
    {
        TaskState.InputRequired => nameof(OptionalTaskStates.InputRequired),
        TaskState.AuthRequired => nameof(OptionalTaskStates.AuthRequired),
        TaskState.Rejected => nameof(OptionalTaskStates.Rejected),
        _ => state.ToString(),
    };

    private static StateMachineDefinition<TaskState, TaskTrigger> BuildDefinition(OptionalTaskStates optional)
    {
        bool input = (optional & OptionalTaskStates.InputRequired) != 0;
        bool auth = (optional & OptionalTaskStates.AuthRequired) != 0;
        bool reject = (optional & OptionalTaskStates.Rejected) != 0;

        var builder = new StateMachineBuilder<TaskState, TaskTrigger>();
        builder.StartsIn(TaskState.Unspecified).Configure(TaskState.Unspecified).Permit(TaskTrigger.Submit, TaskState.Submitted);

        // Submitted and working may go anywhere but back to submitted; working → working is progress.
        foreach (TaskState active in new[] { TaskState.Submitted, TaskState.Working })
        {
            StateConfiguration<TaskState, TaskTrigger> config = builder.Configure(active)
                .Permit(TaskTrigger.Work, TaskState.Working)
                .Permit(TaskTrigger.Complete, TaskState.Completed)
                .Permit(TaskTrigger.Fail, TaskState.Failed)
                .Permit(TaskTrigger.Cancel, TaskState.Canceled);
            if (input) config.Permit(TaskTrigger.RequireInput, TaskState.InputRequired);
            if (auth) config.Permit(TaskTrigger.RequireAuth, TaskState.AuthRequired);
            if (reject) config.Permit(TaskTrigger.Reject, TaskState.Rejected);
        }

        // Interrupted states resume work, or end without completing.
        var interrupted = new List<TaskState>();
        if (input) interrupted.Add(TaskState.InputRequired);
        if (auth) interrupted.Add(TaskState.AuthRequired);
        foreach (TaskState waiting in interrupted)
        {
            StateConfiguration<TaskState, TaskTrigger> config = builder.Configure(waiting)
                .Permit(TaskTrigger.Work, TaskState.Working)
                .Permit(TaskTrigger.Fail, TaskState.Failed)
                .Permit(TaskTrigger.Cancel, TaskState.Canceled);
            if (reject) config.Permit(TaskTrigger.Reject, TaskState.Rejected);
        }

        foreach (TaskState state in Enum.GetValues<TaskState>())
        {
            builder.Name(state, state == TaskState.Unspecified ? "new" : state.ToString());
        }

        return builder.Build();
    }
}
