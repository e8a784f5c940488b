using System.Collections;

namespace A2A.Protocol;

/// <summary>
/// A list only the runtime can create. Seeing this type proves a collection (and, by construction, everything in
/// it) is already a private snapshot, so freezing a task that is mostly made of stored parts costs O(new parts).
/// </summary>
/// <remarks>
/// Appends are amortized O(1) although every list is immutable: a list is a view of the first <c>Count</c> slots
/// of a shared buffer. The first append to a given view claims the next free slot of the buffer (compare-and-swap),
/// writes it and returns a longer view; any other append to that view finds the slot taken and copies into a new,
/// doubled buffer. No view ever sees a slot change, so streaming n artifact chunks or history messages costs O(n)
/// in total instead of O(n²).
/// </remarks>
internal sealed class FrozenList<T> : IReadOnlyList<T>, ICollection
{
    private readonly Buffer _buffer;
    private readonly int _count;

    private FrozenList(Buffer buffer, int count)
    {
        _buffer = buffer;
        _count = count;
    }

    public int Count => _count;

    public T this[int index] => (uint)index < (uint)_count ? _buffer.Items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

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

        return new FrozenList<T>(new Buffer(items, items.Length), items.Length);
    }

    /// <summary>Appends one item: existing items are kept as they are, only the new one is frozen.</summary>
    public static IReadOnlyList<T> Append(IReadOnlyList<T> list, T item, Func<T, T> freezeItem) =>
        Concat(list, [item], freezeItem);

    /// <summary>Appends <paramref name="tail"/>: existing items are kept as they are, only the new ones are frozen.</summary>
    public static IReadOnlyList<T> Concat(IReadOnlyList<T> list, IReadOnlyList<T> tail, Func<T, T> freezeItem)
    {
        if (tail.Count == 0)
        {
            return From(list, freezeItem);
        }

        if (list is FrozenList<T> frozen && frozen.TryClaim(tail.Count))
        {
            for (int i = 0; i < tail.Count; i++)
            {
                frozen._buffer.Items[frozen._count + i] = freezeItem(tail[i]);
            }

            return new FrozenList<T>(frozen._buffer, frozen._count + tail.Count);
        }

        IReadOnlyList<T> head = From(list, freezeItem);
        int count = head.Count + tail.Count;
        var items = new T[Math.Max(4, count * 2)];
        for (int i = 0; i < head.Count; i++)
        {
            items[i] = head[i];
        }

        for (int i = 0; i < tail.Count; i++)
        {
            items[head.Count + i] = freezeItem(tail[i]);
        }

        return new FrozenList<T>(new Buffer(items, count), count);
    }

    /// <summary>Replaces the item at <paramref name="index"/>, or appends when <paramref name="index"/> is the count.</summary>
    public static IReadOnlyList<T> SetOrAppend(IReadOnlyList<T> list, int index, T item, Func<T, T> freezeItem)
    {
        if (index == list.Count)
        {
            return Append(list, item, freezeItem);
        }

        IReadOnlyList<T> source = From(list, freezeItem);
        var items = new T[source.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = source[i];
        }

        items[index] = freezeItem(item);
        return new FrozenList<T>(new Buffer(items, items.Length), items.Length);
    }

    public static bool IsFrozen(IReadOnlyList<T> list) => list is FrozenList<T> or T[] { Length: 0 };

    public IEnumerator<T> GetEnumerator()
    {
        T[] items = _buffer.Items;
        for (int i = 0; i < _count; i++)
        {
            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection.CopyTo(Array array, int index) => Array.Copy(_buffer.Items, 0, array, index, _count);

    // Only the view that ends where the buffer's claimed region ends may extend it in place, and only once.
    private bool TryClaim(int slots) =>
        _buffer.Items.Length - _count >= slots
        && Interlocked.CompareExchange(ref _buffer.Claimed, _count + slots, _count) == _count;

    private sealed class Buffer(T[] items, int claimed)
    {
        public readonly T[] Items = items;
        public int Claimed = claimed;
    }
}
