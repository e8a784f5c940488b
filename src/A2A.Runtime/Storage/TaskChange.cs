using A2A.Protocol;

namespace A2A.Storage;

/// <summary>One change to a task as a store writes it: the event appended to the log, and the task after it.</summary>
/// <param name="Event">The event (a status update, an artifact update, a message, or a snapshot).</param>
/// <param name="Result">The task once the event is applied; its id is the task's.</param>
public sealed record TaskChange(StreamResponse Event, AgentTask Result);
