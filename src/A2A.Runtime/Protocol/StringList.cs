namespace A2A.Protocol;

/// <summary>A list of strings (the proto's <c>StringList</c> wrapper, <c>{"list": [...]}</c> on the wire).</summary>
public sealed record StringList
{
    private IReadOnlyList<string> _list = [];

    /// <summary>The strings.</summary>
    public IReadOnlyList<string> List { get => _list; init => _list = value ?? []; }
}
