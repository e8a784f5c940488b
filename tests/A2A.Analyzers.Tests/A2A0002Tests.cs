using A2A.Analyzers.CodeFixes;
using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A0002: an agent class needs exactly one ExecuteAsync({Name}Context, CancellationToken); the fix generates it when missing.</summary>
public class A2A0002Tests
{
    private static Task Verify(string markup) => A2AAnalyzerTest<AgentDeclarationAnalyzer>.VerifyAsync(markup);

    private static Task VerifyFix(string markup, string fixedMarkup, string? equivalenceKey = null) =>
        A2ACodeFixTest<AgentDeclarationAnalyzer, GenerateExecuteMethodCodeFix>.VerifyAsync(markup, fixedMarkup, equivalenceKey);

    [Fact]
    public Task A2A0002_missing_execute_method() => Verify(Usings + """
        [A2AAgent("Echo")]
        public partial class {|A2A0002:Echo|}
        {
        }
        """);

    [Fact]
    public Task A2A0002_wrongly_shaped_execute_method() => Verify(Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public void {|A2A0002:ExecuteAsync|}(EchoContext context) { }
        }
        """);

    [Fact]
    public Task A2A0002_execute_method_with_an_in_token() => Verify(Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public Task {|A2A0002:ExecuteAsync|}(EchoContext context, in CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Explicit_handler_implementation_is_recognized() => Verify(Usings + """
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
    public Task A2A0002_ambiguous_execute_methods() => Verify(Usings + """
        [A2AAgent("Echo")]
        public partial class {|A2A0002:Echo|}
        {
            public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            public Task ExecuteAsync(EchoContext context) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A2A0002_execute_signature_through_an_alias() => Verify(Usings + """
        using Token = System.Threading.CancellationToken;

        [A2AAgent("Echo")]
        public partial class Echo
        {
            public Task {|A2A0002:ExecuteAsync|}(EchoContext context, Token cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Execute_signature_with_qualified_type_names_is_recognized() => Verify(Usings + """
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

    // ---- the code fix ----

    [Fact]
    public Task Generate_execute_method_when_missing() => VerifyFix(
        """
        using A2A.Agents;

        namespace Demo;

        [A2AAgent("Echo")]
        public partial class {|A2A0002:Echo|}
        {
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;

        namespace Demo;

        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);

                // Do the work, then finish the task: CompleteAsync, FailAsync, or ask the client with a declared optional state.
                throw new NotImplementedException();
            }
        }
        """);

    // Fix All (what `dotnet format` applies) generates the method in every agent that lacks one; the packages check it
    // in document, project and solution scope.
    [Fact]
    public Task Generate_execute_method_fix_all() => VerifyFix(
        """
        using A2A.Agents;

        [A2AAgent("One")]
        public partial class {|A2A0002:One|}
        {
        }

        [A2AAgent("Two")]
        public partial class {|A2A0002:Two|}
        {
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;

        [A2AAgent("One")]
        public partial class One
        {
            public async Task ExecuteAsync(OneContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);

                // Do the work, then finish the task: CompleteAsync, FailAsync, or ask the client with a declared optional state.
                throw new NotImplementedException();
            }
        }

        [A2AAgent("Two")]
        public partial class Two
        {
            public async Task ExecuteAsync(TwoContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);

                // Do the work, then finish the task: CompleteAsync, FailAsync, or ask the client with a declared optional state.
                throw new NotImplementedException();
            }
        }
        """);

    // A method of the wrong shape is the user's to fix: generating a second ExecuteAsync would make two.
    [Fact]
    public Task Generate_execute_method_is_not_offered_for_a_misshaped_one()
    {
        const string code = Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task {|A2A0002:ExecuteAsync|}(string text) => Task.CompletedTask;
            }
            """;
        return VerifyFix(code, code);
    }
}
