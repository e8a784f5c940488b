using System.Collections;

namespace A2A.Protocol;

/// <summary>
/// A list only the runtime can create, over an array nobody else references. Seeing this type proves a collection
/// (and, by construction, everything in it) is already a private snapshot, so freezing a task that is mostly made
/// of stored parts costs O(new parts), not O(task).
/// </summary>
internal sealed class FrozenList<T> : IReadOnlyList<T>, ICollection
{
    private readonly T[] _items;

    private FrozenList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => _items;

    public static IReadOnlyList<T> From(IReadOnlyList<T> source, Func<T, T> freezeItem)
    {
        if (IsFrozen(source))
        {
            return source;
        }

        var items = new T[source.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = freezeItem(source[i]);
        }

        return new FrozenList<T>(items);
    }

    /// <summary>Appends without re-freezing existing items: O(n) pointer copy, no per-item work.</summary>
    public static IReadOnlyList<T> Append(IReadOnlyList<T> frozen, T frozenItem, Func<T, T> freezeItem)
    {
        IReadOnlyList<T> source = From(frozen, freezeItem);
        var items = new T[source.Count + 1];
        for (int i = 0; i < source.Count; i++)
        {
            items[i] = source[i];
        }

        items[^1] = frozenItem;
        return new FrozenList<T>(items);
    }

    public static bool IsFrozen(IReadOnlyList<T> list) => list is FrozenList<T> or T[] { Length: 0 };

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    void ICollection.CopyTo(Array array, int index) => _items.CopyTo(array, index);
}
