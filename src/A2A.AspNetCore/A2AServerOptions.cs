namespace A2A.AspNetCore;

/// <summary>Limits and behavior of an A2A endpoint.</summary>
public sealed class A2AServerOptions
{
    /// <summary>
    /// The largest JSON-RPC request body accepted, in bytes (1 MiB by default). A larger one is answered with a
    /// JSON-RPC invalid-request error before it is parsed.
    /// </summary>
    public int MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted (64 by default); deeper input is a parse error.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>How long the agent card may be cached by clients (the <c>Cache-Control</c> max-age).</summary>
    public TimeSpan CardCacheDuration { get; set; } = TimeSpan.FromHours(1);
}
