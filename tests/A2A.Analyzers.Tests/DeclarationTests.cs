namespace A2A.Analyzers.Tests;

public class DeclarationTests
{
    private static readonly string[] DeclarationRules = ["A2A0001", "A2A0002", "A2A0003", "A2A0004", "A2A0005"];

    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;

        """;

    [Fact]
    public Task A2A0001_agent_class_not_partial() => AnalyzerHarness.VerifyAsync(Usings + """
        [A2AAgent("Echo")]
        public class {|A2A0001:Echo|}
        {
            public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """, DeclarationRules, compiles: false); // the generator skips it, so its context type is missing

    [Fact]
    public Task A2A0001_containing_type_not_partial() => AnalyzerHarness.VerifyAsync(Usings + """
        public class {|A2A0001:Outer|}
        {
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task ExecuteAsync(OuterEchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }
        """, DeclarationRules, compiles: false); // the generator skips it, so its context type is missing

    [Fact]
    public Task A2A0002_missing_execute_method() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class {|A2A0002:Echo|}
        {
        }
        """);

    [Fact]
    public Task A2A0002_wrongly_shaped_execute_method() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public void {|A2A0002:ExecuteAsync|}(EchoContext context) { }
        }
        """);

    [Fact]
    public Task A2A0002_execute_method_with_an_in_token() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public Task {|A2A0002:ExecuteAsync|}(EchoContext context, in CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    // Implementing the generated handler interface explicitly is a correct way to write the handler.
    [Fact]
    public Task Explicit_handler_implementation_is_recognized() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class Echo : IEchoHandler
        {
            Task IEchoHandler.ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync("done", cancellationToken);
        }

        public static class Uses
        {
            public static EchoTaskManager Manager() => new(new A2A.Storage.InMemoryTaskStore());
            public static A2A.Agents.AgentHandler Bound(EchoTaskManager manager) => manager.Bind(new Echo());
        }
        """);

    [Fact]
    public Task A2A0002_ambiguous_execute_methods() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class {|A2A0002:Echo|}
        {
            public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            public Task ExecuteAsync(EchoContext context) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A2A0002_execute_signature_through_an_alias() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        using Token = System.Threading.CancellationToken;

        [A2AAgent("Echo")]
        public partial class Echo
        {
            public Task {|A2A0002:ExecuteAsync|}(EchoContext context, Token cancellationToken) => Task.CompletedTask;
        }
        """);

    // Qualified spellings are names the generator recognizes: the handler is attached (Bind compiles) and no rule fires.
    [Fact]
    public Task Execute_signature_with_qualified_type_names_is_recognized() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public global::System.Threading.Tasks.Task ExecuteAsync(global::EchoContext context, System.Threading.CancellationToken cancellationToken) =>
                context.Updater.CompleteAsync("done", cancellationToken);
        }

        public static class Uses
        {
            public static IEchoHandler Handler(Echo echo) => echo;
        }
        """);

    [Fact]
    public Task A2A0003_duplicate_agent_names() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        [A2AAgent("Echo")]
        public partial class First
        {
            public Task ExecuteAsync(FirstContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }

        [A2AAgent("Echo")]
        public interface {|A2A0003:ISecond|}
        {
        }
        """);

    // Neither agent is generated, so the handlers' context types do not exist: the code does not compile by design.
    [Fact]
    public Task A2A0005_contract_interface_and_class_with_the_same_generated_names() => AnalyzerHarness.VerifyAsync(Usings + """
        namespace Travel;

        [A2AAgent("Planner contract")]
        public interface {|A2A0005:ITripPlanner|}
        {
        }

        [A2AAgent("Planner")]
        public partial class {|A2A0005:TripPlanner|}
        {
            public Task ExecuteAsync(TripPlannerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """, DeclarationRules, compiles: false);

    [Fact]
    public Task A2A0005_nested_agent_and_top_level_agent_with_the_same_generated_names() => AnalyzerHarness.VerifyAsync(Usings + """
        public partial class Outer
        {
            [A2AAgent("Inner")]
            public partial class {|A2A0005:Inner|}
            {
                public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }

        [A2AAgent("Joined")]
        public partial class {|A2A0005:OuterInner|}
        {
            public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """, DeclarationRules, compiles: false);

    // Same names in different namespaces are distinct types; a clash with an agent the generator skips anyway
    // (here: an empty agent name, A2A0004) is no clash.
    [Fact]
    public Task No_A2A0005_across_namespaces_or_with_a_skipped_agent() => AnalyzerHarness.VerifyAsync(Usings + """
        namespace First
        {
            [A2AAgent("One")]
            public partial class Same
            {
                public Task ExecuteAsync(SameContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }

        namespace Second
        {
            [A2AAgent("Two")]
            public partial class Same
            {
                public Task ExecuteAsync(SameContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }

        namespace Third
        {
            [A2AAgent("Four")]
            public partial class Solo
            {
                public Task ExecuteAsync(SoloContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            [A2AAgent("")]
            public interface {|A2A0004:ISolo|}
            {
            }
        }
        """, DeclarationRules);

    [Theory]
    [InlineData("[A2AAgent(\"\")]", "")]
    [InlineData("[A2AAgent(\"Echo\", JsonContext = typeof(string))]", "")]
    [InlineData("[A2AAgent(\"Echo\", OptionalStates = (OptionalTaskStates)8)]", "")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report))][A2AArtifact(typeof(Report))]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"--\")]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2ASkill(\"s\", \"One\")][A2ASkill(\"s\", \"Two\")]", "")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"task\")]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"hash-code\")]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"item\")][A2AArtifact(typeof(Report), Name = \"item list\")]", "public sealed record Report(string Text);")]
    public Task A2A0004_invalid_declarations(string attributes, string extra) => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + extra + "\n" + attributes + """

        public interface {|A2A0004:IEcho|}
        {
        }
        """);

    [Fact]
    public Task A2A0004_file_local_agent_and_artifact() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        file sealed record Note(string Text);

        [A2AAgent("Local")]
        file interface {|A2A0004:ILocalAgent|}
        {
        }

        [A2AAgent("Uses a local artifact")]
        [A2AArtifact(typeof(Note))]
        public interface {|A2A0004:INotes|}
        {
        }
        """);

    [Fact]
    public Task A2A0004_agent_the_generated_code_cannot_reach() => AnalyzerHarness.VerifyAsync(DeclarationRules, Usings + """
        public partial class Outer
        {
            [A2AAgent("Hidden")]
            private interface {|A2A0004:IHidden|}
            {
            }

            private partial class Container
            {
                [A2AAgent("AlsoHidden")]
                internal interface {|A2A0004:IAlsoHidden|}
                {
                }
            }
        }
        """);

    [Fact]
    public async Task The_correct_code_corpus_has_no_diagnostics()
    {
        string corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        string[] files = Directory.GetFiles(corpus, "Agent.cs", SearchOption.AllDirectories);
        Assert.True(files.Length >= 6, $"corpus has {files.Length} files");
        foreach (string file in files)
        {
            Assert.Empty((await AnalyzerHarness.AnalyzeAsync([File.ReadAllText(file)])).Select(d => $"{file}: {d}"));
        }
    }

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
