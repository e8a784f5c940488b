namespace A2A.Storage.Conformance;

/// <summary>The base of the conformance suites: each test's stores are disposed when the test ends.</summary>
public abstract class StoreSuite : IAsyncLifetime
{
    private readonly List<object> _stores = [];

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (object store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Keeps <paramref name="store"/> to dispose when the test ends, and returns it.</summary>
    protected T Owned<T>(T store)
        where T : class
    {
        _stores.Add(store);
        return store;
    }
}
