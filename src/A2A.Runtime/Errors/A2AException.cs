namespace A2A.Errors;

/// <summary>
/// Base of every A2A protocol error. Carries the JSON-RPC <see cref="Code"/> and the <c>google.rpc.ErrorInfo</c>
/// <see cref="Reason"/> that go on the wire, so a server can answer with the right error and a client can catch
/// by type.
/// </summary>
public class A2AException : Exception
{
    /// <summary>Creates an error with an explicit code and reason.</summary>
    public A2AException(string message, int code, string reason, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>The JSON-RPC error code, for example -32001 (see <see cref="A2AErrorCodes"/>).</summary>
    public int Code { get; }

    /// <summary>The <c>google.rpc.ErrorInfo</c> reason, for example <c>TASK_NOT_FOUND</c>.</summary>
    public string Reason { get; }
}
