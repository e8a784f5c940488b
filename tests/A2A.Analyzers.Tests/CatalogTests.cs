namespace A2A.Analyzers.Tests;

/// <summary>Every rule in the catalog is documented and recorded in the analyzer release files.</summary>
public class CatalogTests
{
    [Fact]
    public void Every_rule_has_a_docs_page_and_a_release_entry()
    {
        string root = RepositoryRoot();
        string unshipped = File.ReadAllText(Path.Combine(root, "src", "A2A.Analyzers", "AnalyzerReleases.Unshipped.md"));
        string shipped = File.ReadAllText(Path.Combine(root, "src", "A2A.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            string page = Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at docs/diagnostics/{descriptor.Id}.md");
            string text = File.ReadAllText(page);
            Assert.Contains("## Wrong", text);
            Assert.Contains("## Right", text);
            Assert.EndsWith("docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(unshipped.Contains(descriptor.Id) || shipped.Contains(descriptor.Id), $"{descriptor.Id} is in neither release file");
            Assert.True(File.Exists(Path.Combine(root, "tests", "A2A.Analyzers.Tests", descriptor.Id + "Tests.cs")), $"{descriptor.Id} has no test file {descriptor.Id}Tests.cs");
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "A2A.Toolkit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tests must run inside the repository.");
    }
}
