namespace A2A.Errors;

/// <summary>
/// A client-side manager was used in a state where the call makes no sense, for example asking for the current task
/// before any task event arrived. This is a programming error on the client, not a protocol error.
/// </summary>
public class A2AClientInvalidStateException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    public A2AClientInvalidStateException(string message)
        : base(message)
    {
    }
}
