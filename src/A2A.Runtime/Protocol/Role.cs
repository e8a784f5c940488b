namespace A2A.Protocol;

/// <summary>Who sent a <see cref="Message"/>. Wire spelling: <c>ROLE_USER</c>, <c>ROLE_AGENT</c>.</summary>
public enum Role
{
    /// <summary>No role was given.</summary>
    Unspecified = 0,
    /// <summary>The client (a user or another agent acting as client).</summary>
    User = 1,
    /// <summary>The remote agent.</summary>
    Agent = 2,
}
