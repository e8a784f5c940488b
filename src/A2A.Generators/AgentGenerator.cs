using System.Linq;
using A2A.Generators.Emit;
using A2A.Generators.Model;
using A2A.Generators.Parse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace A2A.Generators;

/// <summary>
/// Emits the typed task API for every type marked <c>[A2AAgent]</c>. Pipeline: ForAttributeWithMetadataName with a
/// node-kind predicate → equatable <see cref="AgentModel"/> → pure text emitter. Reports no diagnostics: the
/// analyzers do, so a problem is reported once, with a location, and can carry a code fix.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AgentGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<AgentModel> agents = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AgentParser.AgentAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax or InterfaceDeclarationSyntax or RecordDeclarationSyntax,
                transform: AgentParser.Parse)
            .WithTrackingName(TrackingNames.ParsedAgents)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Agents);

        // A value record, so an edit elsewhere leaves it Unchanged and does not invalidate the emit step.
        IncrementalValueProvider<HostingSupport> hosting = context.CompilationProvider
            .Select(static (compilation, _) => new HostingSupport(
                DependencyInjection: compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions") is not null,
                AspNetCore: compilation.GetTypeByMetadataName("A2A.AspNetCore.A2AEndpointRouteBuilderExtensions") is not null))
            .WithTrackingName(TrackingNames.Hosting);

        // Agents whose generated names coincide (Outer.Inner beside OuterInner, or ITripPlanner beside TripPlanner,
        // in one namespace) would define the same types under the same hint name, and a repeated hint name makes
        // AddSource throw, which drops every agent's output. Only the first of them is generated; A2A0005 reports
        // them all. The collected identities compare by value, so an edit that changes no agent's names leaves the
        // set Cached.
        IncrementalValueProvider<EquatableArray<string>> notGenerated = agents
            .Select(static (agent, _) => (agent.HintName, agent.Identity))
            .Collect()
            .Select(static (names, _) => new EquatableArray<string>(
                GeneratedNames.NotGenerated(names, static n => n.HintName, static n => n.Identity).Select(static n => n.Identity).ToArray()))
            .WithTrackingName(TrackingNames.ClashingNames);

        IncrementalValuesProvider<(AgentModel Agent, HostingSupport Hosting)> outputs = agents
            .Combine(hosting.Combine(notGenerated))
            .Where(static item => !item.Right.Right.Contains(item.Left.Identity))
            .Select(static (item, _) => (item.Left, item.Right.Left))
            .WithTrackingName(TrackingNames.AgentsWithOptions);

        context.RegisterSourceOutput(outputs, static (output, item) =>
            output.AddSource(item.Agent.HintName, AgentEmitter.Emit(item.Agent, item.Hosting)));

        // A server project hosts the contract interfaces of the libraries it references: their Add/Map helpers are
        // generated here, where the ASP.NET Core binding is referenced. Only assembly attributes are read, and the
        // result compares by value, so an ordinary edit leaves the output step Cached.
        IncrementalValueProvider<EquatableArray<HostedAgentModel>> contracts = context.CompilationProvider
            .Combine(hosting)
            .Select(static (item, token) => item.Right.AspNetCore && item.Right.DependencyInjection
                ? ReferencedContracts.Find(item.Left, token)
                : new EquatableArray<HostedAgentModel>(System.Array.Empty<HostedAgentModel>()))
            .WithTrackingName(TrackingNames.ReferencedContracts);

        context.RegisterSourceOutput(contracts, static (output, items) =>
        {
            foreach (HostedAgentModel contract in items)
            {
                output.AddSource(contract.ContractHostingHintName, AgentEmitter.EmitContractHosting(contract));
            }
        });
    }
}
