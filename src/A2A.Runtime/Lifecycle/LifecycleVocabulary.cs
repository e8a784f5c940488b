// The A2A lifecycle vocabulary, in one file compiled into three assemblies: A2A.Runtime (net10.0), and A2A.Generators
// and A2A.Analyzers (netstandard2.0, loaded by the compiler, which can reference neither the runtime nor Stateless).
// The runtime's public enums take their values from here and its Stateless machine is configured from this table;
// the generator emits from it; the analyzers check against it. A change to the lifecycle is an edit here.
namespace A2A.Lifecycle;

/// <summary>
/// States, triggers, optional-state flags, the transition table, and the names of the runtime types and members
/// that the generator emits and the analyzers look for.
/// </summary>
internal static class LifecycleVocabulary
{
    // ---- States: the values of A2A.Protocol.TaskState, which are lf.a2a.v1.TaskState's in the v1.0 proto ----

    public const int Unspecified = 0;
    public const int Submitted = 1;
    public const int Working = 2;
    public const int Completed = 3;
    public const int Failed = 4;
    public const int Canceled = 5;
    public const int InputRequired = 6;
    public const int Rejected = 7;
    public const int AuthRequired = 8;
    public const int StateCount = 9;

    /// <summary>The C# member names of the states, by value.</summary>
    public static readonly string[] StateNames =
        ["Unspecified", "Submitted", "Working", "Completed", "Failed", "Canceled", "InputRequired", "Rejected", "AuthRequired"];

    /// <summary>The A2A v1.0 wire names (ProtoJSON enum names), by value.</summary>
    public static readonly string[] WireNames =
    [
        "TASK_STATE_UNSPECIFIED", "TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED", "TASK_STATE_FAILED",
        "TASK_STATE_CANCELED", "TASK_STATE_INPUT_REQUIRED", "TASK_STATE_REJECTED", "TASK_STATE_AUTH_REQUIRED",
    ];

    /// <summary>The A2A v0.3 wire names (JSON-RPC binding), by value.</summary>
    public static readonly string[] LegacyWireNames =
        ["unknown", "submitted", "working", "completed", "failed", "canceled", "input-required", "rejected", "auth-required"];

    /// <summary>The A2A v0.3 HTTP+JSON names (the v0.3 proto's enum, which spells CANCELLED), by value.</summary>
    public static readonly string[] LegacyProtoNames =
    [
        "TASK_STATE_UNSPECIFIED", "TASK_STATE_SUBMITTED", "TASK_STATE_WORKING", "TASK_STATE_COMPLETED", "TASK_STATE_FAILED",
        "TASK_STATE_CANCELLED", "TASK_STATE_INPUT_REQUIRED", "TASK_STATE_REJECTED", "TASK_STATE_AUTH_REQUIRED",
    ];

    /// <summary>Completed, failed, canceled, rejected: states a task never leaves.</summary>
    private const int TerminalMask = (1 << Completed) | (1 << Failed) | (1 << Canceled) | (1 << Rejected);

    /// <summary>Input-required, auth-required: the task waits for the client and resumes on the same task.</summary>
    private const int InterruptedMask = (1 << InputRequired) | (1 << AuthRequired);

    /// <summary>Submitted, working: the agent still owes the client an outcome.</summary>
    private const int ActiveMask = (1 << Submitted) | (1 << Working);

    public static bool IsTerminal(int state) => InMask(TerminalMask, state);

    public static bool IsInterrupted(int state) => InMask(InterruptedMask, state);

    public static bool IsActive(int state) => InMask(ActiveMask, state);

    // ---- Optional states: the flags of A2A.Lifecycle.OptionalTaskStates ----

    public const int OptionalNone = 0;
    public const int OptionalInputRequired = 1;
    public const int OptionalAuthRequired = 2;
    public const int OptionalRejected = 4;
    public const int OptionalAll = OptionalInputRequired | OptionalAuthRequired | OptionalRejected;

    /// <summary>The flag that declares <paramref name="state"/>, or 0 for a state every agent has.</summary>
    public static int OptionalFlagOf(int state) => state switch
    {
        InputRequired => OptionalInputRequired,
        AuthRequired => OptionalAuthRequired,
        Rejected => OptionalRejected,
        _ => OptionalNone,
    };

    /// <summary>True when an agent declaring <paramref name="optionalStates"/> has <paramref name="state"/> (Unspecified, the state of a task not yet created, included).</summary>
    public static bool Declares(int optionalStates, int state) =>
        (uint)state < StateCount && (optionalStates & OptionalFlagOf(state)) == OptionalFlagOf(state);

    // ---- Triggers: the values of A2A.Lifecycle.TaskTrigger; each leads to exactly one state ----

    public const int Submit = 0;
    public const int Work = 1;
    public const int RequireInput = 2;
    public const int RequireAuth = 3;
    public const int Complete = 4;
    public const int Fail = 5;
    public const int Cancel = 6;
    public const int Reject = 7;
    public const int TriggerCount = 8;

    /// <summary>The C# member names of the triggers, by value.</summary>
    public static readonly string[] TriggerNames = ["Submit", "Work", "RequireInput", "RequireAuth", "Complete", "Fail", "Cancel", "Reject"];

    /// <summary>The state each trigger leads to, by trigger value.</summary>
    public static readonly int[] TriggerTargets = [Submitted, Working, InputRequired, AuthRequired, Completed, Failed, Canceled, Rejected];

    /// <summary>The trigger that leads to <paramref name="state"/>, or -1 for Unspecified (nothing leads there).</summary>
    public static int TriggerFor(int state) => System.Array.IndexOf(TriggerTargets, state);

    // ---- The transition table of the full lifecycle; an agent's is this restricted to the states it declares ----

    private const int AnyButSubmitted = (1 << Working) | (1 << InputRequired) | (1 << AuthRequired) | (1 << Completed) | (1 << Failed) | (1 << Canceled) | (1 << Rejected);
    private const int ResumeOrEnd = (1 << Working) | (1 << Failed) | (1 << Canceled) | (1 << Rejected);

    /// <summary>Bit <c>to</c> of entry <c>from</c> is set when from → to is allowed. Terminal states allow nothing.</summary>
    private static readonly int[] FullTable =
    [
        /* Unspecified (new) */ 1 << Submitted,
        /* Submitted */ AnyButSubmitted,
        /* Working (working → working is progress) */ AnyButSubmitted,
        /* Completed */ 0,
        /* Failed */ 0,
        /* Canceled */ 0,
        /* InputRequired */ ResumeOrEnd,
        /* Rejected */ 0,
        /* AuthRequired */ ResumeOrEnd,
    ];

    /// <summary>True when an agent declaring <paramref name="optionalStates"/> lets a task move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool Allows(int optionalStates, int from, int to) =>
        Declares(optionalStates, from) && Declares(optionalStates, to) && (FullTable[from] & (1 << to)) != 0;

    // ---- Runtime types the generator emits against and the analyzers look up (metadata names) ----

    public const string TaskStateType = "A2A.Protocol.TaskState";
    public const string OptionalTaskStatesType = "A2A.Lifecycle.OptionalTaskStates";
    public const string TaskLifecycleType = "A2A.Lifecycle.TaskLifecycle";
    public const string TaskUpdaterType = "A2A.Tasks.TaskUpdater";
    public const string TaskManagerType = "A2A.Tasks.TaskManager";
    public const string AgentTaskUpdaterType = "A2A.Agents.AgentTaskUpdater";
    public const string AgentTaskManagerType = "A2A.Agents.AgentTaskManager";
    public const string AgentClientTaskManagerType = "A2A.Agents.AgentClientTaskManager";
    public const string AgentContextType = "A2A.Agents.AgentContext`1";
    public const string AgentAttributeType = "A2A.Agents.A2AAgentAttribute";

    // ---- Updater and manager methods, by what they do to a task ----

    /// <summary>Methods that move a task to a terminal state.</summary>
    public static readonly string[] TerminalMethods = ["CompleteAsync", "FailAsync", "RejectAsync", "CancelAsync", "CancelTaskAsync"];

    /// <summary>Methods that hand the task back to the client (input-required, auth-required).</summary>
    public static readonly string[] InterruptingMethods = ["RequireInputAsync", "RequireAuthAsync"];

    /// <summary>The answer without a task: a direct reply to the incoming message (on the context and the updater).</summary>
    public const string ReplyMethod = "ReplyAsync";

    /// <summary>The untyped status update, the escape hatch around the typed methods.</summary>
    public const string UpdateStatusMethod = "UpdateStatusAsync";

    private static bool InMask(int mask, int state) => (uint)state < StateCount && (mask & (1 << state)) != 0;
}
