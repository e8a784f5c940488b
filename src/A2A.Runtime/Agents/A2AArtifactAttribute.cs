namespace A2A.Agents;

/// <summary>
/// A typed artifact an <see cref="A2AAgentAttribute"/> agent produces: a record serialized with System.Text.Json into
/// one <c>data</c> part (media type <c>application/json</c>). The generated updater gets <c>Add{Name}Async</c> and the
/// generated client manager <c>Get{Name}</c> / <c>Get{Name}List</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class A2AArtifactAttribute : Attribute
{
    /// <summary>Declares an artifact type.</summary>
    public A2AArtifactAttribute(Type type) => Type = type;

    /// <summary>The artifact's .NET type.</summary>
    public Type Type { get; }

    /// <summary>
    /// The artifact's name on the wire (<c>Artifact.name</c>), by which clients recognize it, and the stem of the
    /// generated method names. Defaults to the type's name.
    /// </summary>
    public string? Name { get; set; }
}
