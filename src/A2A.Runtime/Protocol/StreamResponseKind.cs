namespace A2A.Protocol;

/// <summary>Which member of the <c>payload</c> oneof a <see cref="StreamResponse"/> carries.</summary>
public enum StreamResponseKind
{
    /// <summary>No payload; invalid on the wire.</summary>
    None = 0,
    /// <summary>A full <see cref="AgentTask"/> snapshot.</summary>
    Task,
    /// <summary>A <see cref="Protocol.Message"/>.</summary>
    Message,
    /// <summary>A <see cref="TaskStatusUpdateEvent"/>.</summary>
    StatusUpdate,
    /// <summary>A <see cref="TaskArtifactUpdateEvent"/>.</summary>
    ArtifactUpdate,
}
