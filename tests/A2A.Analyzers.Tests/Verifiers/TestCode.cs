namespace A2A.Analyzers.Tests.Verifiers;

/// <summary>Test code the rule tests share: the usings of an agent file, and a handler to put statements in.</summary>
internal static class TestCode
{
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;

        """;

    private const string Handler = Usings + """
        [A2AAgent("Echo", OptionalStates = OptionalTaskStates.InputRequired)]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                var u = context.Updater;
        BODY
            }
        }
        """;

    /// <summary>An agent that declares input-required, whose ExecuteAsync runs <paramref name="body"/> with <c>u</c> as its updater.</summary>
    public static string InHandler(string body) => Handler.Replace("BODY", body, StringComparison.Ordinal);
}
