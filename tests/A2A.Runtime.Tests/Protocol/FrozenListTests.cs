namespace A2A.Runtime.Tests.Protocol;

public class FrozenListTests
{
    private static string Same(string value) => value;

    [Fact]
    public void Appending_never_changes_an_existing_view()
    {
        IReadOnlyList<string> empty = FrozenList<string>.From(["a"], Same);
        IReadOnlyList<string> ab = FrozenList<string>.Append(empty, "b", Same);
        IReadOnlyList<string> abc = FrozenList<string>.Append(ab, "c", Same);
        IReadOnlyList<string> abx = FrozenList<string>.Append(ab, "x", Same); // second append to the same view copies

        Assert.Equal(["a"], empty);
        Assert.Equal(["a", "b"], ab);
        Assert.Equal(["a", "b", "c"], abc);
        Assert.Equal(["a", "b", "x"], abx);
        Assert.Throws<ArgumentOutOfRangeException>(() => ab[2]);
    }

    [Fact]
    public void Concurrent_appends_to_one_view_each_get_their_own_list()
    {
        IReadOnlyList<int> start = FrozenList<int>.Concat(FrozenList<int>.From([0], i => i), [1, 2], i => i); // has spare capacity
        IReadOnlyList<int>[] results = new IReadOnlyList<int>[64];
        Parallel.For(0, results.Length, i => results[i] = FrozenList<int>.Append(start, 100 + i, v => v));

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal([0, 1, 2, 100 + i], results[i]);
        }

        Assert.Equal([0, 1, 2], start);
    }

    [Fact]
    public void Only_new_items_are_frozen()
    {
        int calls = 0;
        string Count(string s) { calls++; return s; }
        IReadOnlyList<string> list = FrozenList<string>.From(["a", "b"], Count);
        Assert.Equal(2, calls);
        list = FrozenList<string>.Append(list, "c", Count);
        list = FrozenList<string>.Concat(list, ["d", "e"], Count);
        Assert.Equal(5, calls);
        Assert.Equal(["a", "b", "c", "d", "e"], list);
        Assert.Equal(["a", "x", "c", "d", "e"], FrozenList<string>.SetOrAppend(list, 1, "x", Count));
    }
}
