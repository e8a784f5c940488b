using Microsoft.CodeAnalysis;

namespace A2A.Analyzers.Tests;

/// <summary>
/// Severity configuration and suppression reach our diagnostics. The SDK turns <c>.editorconfig</c> entries
/// (<c>dotnet_diagnostic.A2A0002.severity</c>) into per-tree diagnostic options; the compilation-level equivalent is
/// used here, which goes through the same filtering.
/// </summary>
public class SeverityTests
{
    private const string MissingExecute = """
        using A2A.Agents;

        [A2AAgent("Echo")]
        public partial class Echo
        {
        }
        """;

    [Fact]
    public async Task The_default_severity_is_the_catalog_one()
    {
        Diagnostic only = Assert.Single(await AnalyzerHarness.AnalyzeAsync([MissingExecute]));
        Assert.Equal(("A2A0002", DiagnosticSeverity.Warning), (only.Id, only.Severity));
    }

    [Fact]
    public async Task Raising_a_rule_to_error_is_honored()
    {
        Diagnostic only = Assert.Single(await AnalyzerHarness.AnalyzeAsync([MissingExecute], configure: c =>
            c.WithOptions(c.Options.WithSpecificDiagnosticOptions([new("A2A0002", ReportDiagnostic.Error)]))));
        Assert.Equal(DiagnosticSeverity.Error, only.Severity);
    }

    [Fact]
    public async Task Turning_a_rule_off_is_honored()
    {
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync([MissingExecute], configure: c =>
            c.WithOptions(c.Options.WithSpecificDiagnosticOptions([new("A2A0002", ReportDiagnostic.Suppress)]))));
    }

    [Fact]
    public async Task A_pragma_suppresses_the_occurrence()
    {
        string suppressed = MissingExecute.Replace("[A2AAgent(\"Echo\")]", "#pragma warning disable A2A0002\n[A2AAgent(\"Echo\")]", StringComparison.Ordinal);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync([suppressed]));
    }
}
