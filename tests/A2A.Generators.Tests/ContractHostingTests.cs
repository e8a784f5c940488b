using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace A2A.Generators.Tests;

/// <summary>
/// A contract interface in a library gets its hosting helpers in the project that hosts it: the library carries no
/// server code, and a server that references the library (and the ASP.NET Core binding) generates them.
/// </summary>
public class ContractHostingTests
{
    private const string Contract = """
        using A2A.Agents;
        namespace Shop.Contracts;
        [A2AAgent("Orders")]
        public interface IOrders;
        """;

    // Stands in for the ASP.NET Core binding: the generator looks for this type to decide that it hosts.
    private const string BindingMarker = "namespace A2A.AspNetCore { public static class A2AEndpointRouteBuilderExtensions { } }";

    [Fact]
    public void The_library_carries_only_the_contract_marker_and_the_server_generates_Add_and_Map()
    {
        GeneratorRun library = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Contract], assemblyName: "Shop.Contracts"));
        string libraryCode = Assert.Single(library.Generated).Text;
        Assert.Contains("[assembly: global::A2A.Agents.A2AAgentContract(typeof(global::Shop.Contracts.IOrders))]", libraryCode, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceCollectionExtensions", libraryCode, StringComparison.Ordinal);
        Assert.DoesNotContain("EndpointRouteBuilderExtensions", libraryCode, StringComparison.Ordinal);
        Assert.Empty(library.WarningsAndErrors);

        MetadataReference contracts = library.Compilation.ToMetadataReference();
        GeneratorRun server = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([BindingMarker], assemblyName: "Shop.Server").AddReferences(contracts));
        (string hint, string code) = Assert.Single(server.Generated);
        Assert.Equal("Shop.Contracts.Orders.Hosting.A2A.g.cs", hint);
        Assert.Contains("internal static partial class OrdersServiceCollectionExtensions", code, StringComparison.Ordinal);
        Assert.Contains("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddOrdersAgent<[global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>", code, StringComparison.Ordinal);
        Assert.Contains("MapOrdersAgent(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints", code, StringComparison.Ordinal);
        Assert.Contains("AddA2AAgentOptions(services, \"OrdersAgent\")", code, StringComparison.Ordinal);

        // A project that references the library but not the binding (a client) gets nothing.
        GeneratorRun client = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(["class C { }"], assemblyName: "Shop.Client").AddReferences(contracts));
        Assert.Empty(client.Generated);
    }

    [Fact]
    public void An_edit_in_the_server_leaves_the_contract_hosting_cached()
    {
        GeneratorRun library = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Contract], assemblyName: "Shop.Contracts"));
        CSharpCompilation server = GeneratorHarness.CreateCompilation([BindingMarker, "class C { int M() => 1; }"], assemblyName: "Shop.Server")
            .AddReferences(library.Compilation.ToMetadataReference());
        GeneratorDriver driver = GeneratorHarness.CreateDriver(server, trackSteps: true).RunGenerators(server);

        SyntaxTree old = server.SyntaxTrees.Last();
        CSharpCompilation edited = server.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText("class C { int M() => 2; }", (CSharpParseOptions)old.Options, old.FilePath));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(AgentGenerator));

        Assert.All(result.TrackedSteps[TrackingNames.ReferencedContracts], step => Assert.All(step.Outputs, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason)));
        Assert.Single(result.GeneratedSources);
    }
}
