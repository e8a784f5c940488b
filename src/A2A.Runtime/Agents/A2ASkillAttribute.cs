namespace A2A.Agents;

/// <summary>A skill of an <see cref="A2AAgentAttribute"/> agent, published on its agent card.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class A2ASkillAttribute : Attribute
{
    /// <summary>Declares a skill.</summary>
    /// <param name="id">Unique id of the skill within the agent.</param>
    /// <param name="name">Human-readable name.</param>
    public A2ASkillAttribute(string id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>Unique id of the skill within the agent.</summary>
    public string Id { get; }

    /// <summary>Human-readable name.</summary>
    public string Name { get; }

    /// <summary>What the skill does.</summary>
    public string? Description { get; set; }

    /// <summary>Keywords.</summary>
    public string[]? Tags { get; set; }

    /// <summary>Example prompts.</summary>
    public string[]? Examples { get; set; }
}
