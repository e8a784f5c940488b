using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace A2A.Analyzers.Tests;

/// <summary>
/// Severity configuration and suppression reach our diagnostics: the catalog's default, an .editorconfig entry
/// (<c>dotnet_diagnostic.A2A0002.severity</c>) raising or silencing a rule, and #pragma.
/// </summary>
public class SeverityTests
{
    private const string MissingExecute = """
        using A2A.Agents;

        [A2AAgent("Echo")]
        public partial class {|#0:Echo|}
        {
        }
        """;

    [Fact]
    public Task The_default_severity_is_the_catalog_one() => Run(MissingExecute, null, Expected(DiagnosticSeverity.Warning));

    [Fact]
    public Task Raising_a_rule_to_error_is_honored() =>
        Run(MissingExecute, "dotnet_diagnostic.A2A0002.severity = error", Expected(DiagnosticSeverity.Error));

    [Fact]
    public Task Turning_a_rule_off_is_honored() => Run(MissingExecute, "dotnet_diagnostic.A2A0002.severity = none");

    [Fact]
    public Task A_pragma_suppresses_the_occurrence() =>
        Run(MissingExecute.Replace("[A2AAgent(\"Echo\")]", "#pragma warning disable A2A0002\n[A2AAgent(\"Echo\")]", StringComparison.Ordinal), null);

    private static DiagnosticResult Expected(DiagnosticSeverity severity) => new DiagnosticResult("A2A0002", severity).WithLocation(0);

    private static Task Run(string markup, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new A2AAnalyzerTest<AgentDeclarationAnalyzer>(markup);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
