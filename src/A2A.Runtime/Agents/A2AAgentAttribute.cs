using A2A.Lifecycle;

namespace A2A.Agents;

/// <summary>
/// Marks an A2A agent. The A2A Toolkit source generator emits, next to the marked type, a strongly typed task
/// manager, task updater, client task manager, execution context, handler interface, lifecycle table and agent
/// card factory for it.
/// </summary>
/// <remarks>
/// <para>On a <c>partial class</c> the class is the handler: it implements the generated <c>I{Name}Handler</c> by
/// declaring <c>public Task ExecuteAsync({Name}Context context, CancellationToken cancellationToken)</c>.</para>
/// <para>On an <c>interface</c> (a contract, typically in an assembly shared with clients) only the types are
/// generated: a client project that references the contract gets the typed client manager without the handler,
/// and a server project implements <c>I{Name}Handler</c> in any class. A leading <c>I</c> is dropped from an
/// interface's name (<c>ITripPlanner</c> generates <c>TripPlannerTaskUpdater</c>).</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = false)]
public sealed class A2AAgentAttribute : Attribute
{
    /// <summary>Marks an agent with its human-readable name (the agent card's <c>name</c>).</summary>
    public A2AAgentAttribute(string name) => Name = name;

    /// <summary>The agent card's name.</summary>
    public string Name { get; }

    /// <summary>The agent card's description.</summary>
    public string? Description { get; set; }

    /// <summary>The agent card's version. Defaults to <c>1.0.0</c>.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>
    /// The optional lifecycle states the agent uses. The generated updater has methods only for declared states, and
    /// the runtime refuses undeclared ones.
    /// </summary>
    public OptionalTaskStates OptionalStates { get; set; }

    /// <summary>
    /// A <c>System.Text.Json.Serialization.JsonSerializerContext</c> that knows every artifact type, so typed
    /// artifacts serialize without reflection (trimming and Native AOT safe). Without it, reflection-based
    /// System.Text.Json with web defaults is used.
    /// </summary>
    public Type? JsonContext { get; set; }

    /// <summary>
    /// Whether the agent sends push notifications: the generated card declares <c>capabilities.pushNotifications</c>
    /// and the server accepts push notification configurations (and delivers to them). Off by default; a deployment
    /// can still turn it on or off with the server options.
    /// </summary>
    public bool PushNotifications { get; set; }
}
