using System.Collections.Generic;
using System.Linq;
using System.Threading;
using A2A.Generators.Model;
using Microsoft.CodeAnalysis;

namespace A2A.Generators.Parse;

/// <summary>
/// Finds the [A2AAgent] contract interfaces of referenced assemblies that a server project must host: each assembly
/// that declares one lists it in an <c>[assembly: A2AAgentContract(typeof(...))]</c> attribute, so only the
/// assembly attributes of assemblies that reference the runtime are read, never their types.
/// </summary>
internal static class ReferencedContracts
{
    public const string ContractAttribute = "A2A.Agents.A2AAgentContractAttribute";
    private const string RuntimeAssembly = "A2A.Runtime";

    public static EquatableArray<HostedAgentModel> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<HostedAgentModel>();
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == RuntimeAssembly)))
            {
                continue;
            }

            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != ContractAttribute
                    || attribute.ConstructorArguments.Length != 1
                    || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol { TypeKind: TypeKind.Interface } contract
                    || contract.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                string ns = contract.ContainingNamespace.IsGlobalNamespace ? "" : contract.ContainingNamespace.ToDisplayString();
                string baseName = AgentNaming.BaseName(contract);

                // Hosted already: the contract's own assembly referenced the ASP.NET Core binding and generated them.
                string prefix = ns.Length == 0 ? "" : ns + ".";
                if (assembly.GetTypeByMetadataName(prefix + baseName + "EndpointRouteBuilderExtensions") is not null
                    || assembly.GetTypeByMetadataName(prefix + baseName + "TaskManager") is null)
                {
                    continue;
                }

                string agentName = contract.GetAttributes()
                    .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AgentParser.AgentAttribute)?
                    .ConstructorArguments.FirstOrDefault().Value as string ?? baseName;

                // Internal in the hosting project: these helpers are its own, not part of its API.
                found.Add(new HostedAgentModel(ns, baseName, agentName, IsPublic: false, DefaultHandler: null));
            }
        }

        return new EquatableArray<HostedAgentModel>(found.OrderBy(c => c.Namespace, System.StringComparer.Ordinal).ThenBy(c => c.BaseName, System.StringComparer.Ordinal).ToArray());
    }
}
