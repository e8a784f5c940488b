using A2A.Protocol;

namespace A2A.Storage;

/// <summary>One entry of a task's ordered event log.</summary>
/// <param name="Sequence">1 for the creation snapshot, then 2, 3, ... with no gaps: the task version the event produced.</param>
/// <param name="Event">The change: the creation snapshot, a status or artifact update, a message, or a later snapshot.</param>
public sealed record TaskEventRecord(long Sequence, StreamResponse Event);
