using System.Collections.ObjectModel;

namespace A2A.Protocol;

/// <summary>A read-only dictionary over a private copy; like <see cref="FrozenList{T}"/>, its type proves it is a snapshot.</summary>
internal sealed class FrozenMap<TValue> : ReadOnlyDictionary<string, TValue>
{
    private FrozenMap(Dictionary<string, TValue> copy)
        : base(copy)
    {
    }

    public static IReadOnlyDictionary<string, TValue>? From(IReadOnlyDictionary<string, TValue>? source, Func<TValue, TValue> freezeValue)
    {
        if (source is null or FrozenMap<TValue>)
        {
            return source;
        }

        var copy = new Dictionary<string, TValue>(source.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, TValue> pair in source)
        {
            copy[pair.Key] = freezeValue(pair.Value);
        }

        return new FrozenMap<TValue>(copy);
    }

    public static bool IsFrozen(IReadOnlyDictionary<string, TValue>? map) => map is null or FrozenMap<TValue>;
}
