using System.ComponentModel;

namespace A2A.Agents;

/// <summary>
/// Written by the generator into an assembly that declares an <see cref="A2AAgentAttribute"/> contract interface, so
/// that a server project referencing the assembly can generate the contract's <c>Add{Name}Agent&lt;THandler&gt;()</c>
/// and <c>Map{Name}Agent()</c> without searching every type. Not meant to be written by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class A2AAgentContractAttribute : Attribute
{
    /// <summary>Records <paramref name="contract"/>, an interface marked <see cref="A2AAgentAttribute"/>.</summary>
    public A2AAgentContractAttribute(Type contract) => Contract = contract;

    /// <summary>The contract interface.</summary>
    public Type Contract { get; }
}
