namespace A2A.Storage.Tests;

/// <summary>The helper programs the tests run as separate processes, built with the solution next to this project.</summary>
internal static class BuiltTool
{
    /// <summary>The path of <paramref name="project"/>'s dll, in the same configuration as these tests.</summary>
    public static string PathOf(string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/A2A.Storage.Tests/bin/{Configuration}/net10.0/
        string configuration = here.Parent!.Name;
        string testsFolder = here.Parent!.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(testsFolder, project, "bin", configuration, here.Name, project + ".dll");
        Assert.True(File.Exists(path), $"{project} is not built at {path}; build the solution first.");
        return path;
    }
}
