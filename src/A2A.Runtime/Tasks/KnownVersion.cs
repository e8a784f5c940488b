using A2A.Storage;

namespace A2A.Tasks;

/// <summary>
/// What one writer (an updater) last wrote to its task, so that its next change can start from it instead of reading
/// the task again. Only a hint: the store's compare-and-swap on the version decides whether it was still current.
/// </summary>
internal sealed class KnownVersion(TurnAnswer? turn = null)
{
    private StoredTask? _current;

    /// <summary>
    /// The turn whose writes this records, when there is one: its task may not be stored yet (the first change then
    /// creates it in the same write), and it learns of each write (its outcome).
    /// </summary>
    public TurnAnswer? Turn => turn;

    public StoredTask? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Keeps <paramref name="written"/> unless a newer version of the task is already known, and tells the turn (waiting
    /// for its task's outcome) about the write.
    /// </summary>
    public void Remember(StoredTask written)
    {
        StoredTask? before = Current;
        Assume(written);
        turn?.Written(before, written);
    }

    /// <summary>Keeps <paramref name="stored"/> as the starting point (a task read or written elsewhere), telling no one.</summary>
    public void Assume(StoredTask stored)
    {
        StoredTask? seen = Volatile.Read(ref _current);
        while ((seen is null || seen.Task.Id != stored.Task.Id || seen.Version < stored.Version)
            && Interlocked.CompareExchange(ref _current, stored, seen) is var actual && !ReferenceEquals(actual, seen))
        {
            seen = actual;
        }
    }
}
