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

    /// <summary>Appends one item: existing items are kept as they are (O(n) pointer copy), only the new one is frozen.</summary>
    public static IReadOnlyList<T> Append(IReadOnlyList<T> list, T item, Func<T, T> freezeItem) =>
        Concat(list, [item], freezeItem);

    /// <summary>Appends <paramref name="tail"/>: existing items are kept as they are, only the new ones are frozen.</summary>
    public static IReadOnlyList<T> Concat(IReadOnlyList<T> list, IReadOnlyList<T> tail, Func<T, T> freezeItem)
    {
        IReadOnlyList<T> head = From(list, freezeItem);
        var items = new T[head.Count + tail.Count];
        for (int i = 0; i < head.Count; i++)
        {
            items[i] = head[i];
        }

        for (int i = 0; i < tail.Count; i++)
        {
            items[head.Count + i] = freezeItem(tail[i]);
        }

        return new FrozenList<T>(items);
    }

    /// <summary>Replaces the item at <paramref name="index"/>, or appends when <paramref name="index"/> is the count.</summary>
    public static IReadOnlyList<T> SetOrAppend(IReadOnlyList<T> list, int index, T item, Func<T, T> freezeItem)
    {
        IReadOnlyList<T> source = From(list, freezeItem);
        if (index == source.Count)
        {
            return Concat(source, [item], freezeItem);
        }

        var items = new T[source.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = source[i];
        }

        items[index] = freezeItem(item);
        return new FrozenList<T>(items);
    }

    public static bool IsFrozen(IReadOnlyList<T> list) => list is FrozenList<T> or T[] { Length: 0 };

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    void ICollection.CopyTo(Array array, int index) => _items.CopyTo(array, index);
}
