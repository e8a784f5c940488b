namespace A2A.Runtime.Tests.Storage;

/// <summary>
/// Retention settings are checked when the store is made. What retention does (expiry, the maximum, compaction) is in
/// the store conformance suite, which runs against this store in A2A.Storage.Tests.
/// </summary>
public class RetentionTests
{
    [Fact]
    public void Nonsensical_retention_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryTaskStore(new InMemoryTaskStoreOptions { FinishedTaskTimeToLive = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryTaskStore(new InMemoryTaskStoreOptions { MaxFinishedTasks = -1 }));
        Assert.Throws<ArgumentNullException>(() => new InMemoryTaskStore(null!));
    }
}
