using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using A2A.Generators.Model;
using A2A.Generators.Parse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace A2A.Analyzers.Declaration;

/// <summary>
/// Reports [A2AAgent] declarations the generator cannot serve (it skips them silently): A2A0001 not partial,
/// A2A0002 no usable ExecuteAsync, A2A0003 duplicate agent names, A2A0004 other invalid input, A2A0005 agents whose
/// generated names clash. A2A0004 and A2A0005 ask the generator's own code (linked source), so they report exactly
/// the declarations the generator skips.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AgentDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticCatalog.AgentMustBePartial, DiagnosticCatalog.ExecuteMethod, DiagnosticCatalog.DuplicateAgentName, DiagnosticCatalog.InvalidAgentDeclaration,
        DiagnosticCatalog.GeneratedNamesClash);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Resolve once per compilation; nothing to do where A2A.Runtime is not referenced.
            INamedTypeSymbol? agentAttribute = start.Compilation.GetTypeByMetadataName("A2A.Agents.A2AAgentAttribute");
            if (agentAttribute is null)
            {
                return;
            }

            var symbols = new KnownSymbols(
                agentAttribute,
                start.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken"),
                start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task"));
            var names = new ConcurrentBag<AgentName>();
            var hintNames = new ConcurrentBag<AgentName>();

            // One pass per file over type declarations that carry attributes (cheaper in the driver than a symbol
            // action on every type); the symbol is analyzed where its [A2AAgent] is written, so once.
            start.RegisterSemanticModelAction(model =>
            {
                foreach (TypeDeclarationSyntax declaration in model.SemanticModel.SyntaxTree.GetRoot(model.CancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<TypeDeclarationSyntax>())
                {
                    if (declaration.AttributeLists.Count > 0
                        && model.SemanticModel.GetDeclaredSymbol(declaration, model.CancellationToken) is { } type
                        && type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.Agent)) is { } agent
                        && agent.ApplicationSyntaxReference is { } applied
                        && applied.SyntaxTree == declaration.SyntaxTree
                        && declaration.AttributeLists.Span.Contains(applied.Span))
                    {
                        AnalyzeType(type, agent, symbols, names, hintNames, model.ReportDiagnostic, model.CancellationToken);
                    }
                }
            });
            start.RegisterCompilationEndAction(end =>
            {
                ReportDuplicateNames(end, names);
                ReportClashingGeneratedNames(end, hintNames);
            });
        });
    }

    private static void AnalyzeType(INamedTypeSymbol type, AttributeData agent, KnownSymbols symbols, ConcurrentBag<AgentName> names, ConcurrentBag<AgentName> hintNames, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        Location location = type.Locations.FirstOrDefault() ?? Location.None;
        string baseName = AgentNaming.BaseName(type);
        // Every problem at once, each on the syntax that causes it (the attribute argument, the [A2AArtifact], ...).
        var problems = new List<AgentParser.DeclarationProblem>();
        AgentParser.AgentDeclaration? declaration = AgentParser.ParseDeclaration(type, agent, problems);
        foreach (AgentParser.DeclarationProblem problem in problems)
        {
            Location at = problem.At?.GetSyntax(cancellationToken).GetLocation() ?? location;
            report(Diagnostic.Create(DiagnosticCatalog.InvalidAgentDeclaration, at, type.Name, problem.Message));
        }

        if (agent.ConstructorArguments.Length == 1 && agent.ConstructorArguments[0].Value is string { Length: > 0 } name)
        {
            names.Add(new AgentName(name, type, location));
        }

        INamedTypeSymbol? notPartial = type.TypeKind == TypeKind.Class ? NotPartial(type, cancellationToken) : null;
        if (declaration is not null)
        {
            // The generator emits this agent (of agents whose generated names clash, only one: reported at the end).
            hintNames.Add(new AgentName(AgentModel.HintNameFor(AgentParser.NamespaceName(type.ContainingNamespace), baseName), type, location));
        }

        if (type.TypeKind != TypeKind.Class)
        {
            return;
        }

        if (notPartial is not null)
        {
            Location at = notPartial.Locations.FirstOrDefault() ?? location;
            string why = SymbolEqualityComparer.Default.Equals(notPartial, type)
                ? "it is marked [A2AAgent], and the generated handler interface is attached to it"
                : $"it contains the agent '{type.ToDisplayString()}', to which the generated handler interface is attached";
            report(Diagnostic.Create(DiagnosticCatalog.AgentMustBePartial, at, notPartial.Name, why));
        }

        string contextName = AgentNaming.ContextName(baseName);
        string handlerName = AgentNaming.HandlerName(baseName);
        IMethodSymbol[] execute = type.GetMembers("ExecuteAsync").OfType<IMethodSymbol>()
            .Concat(type.GetMembers().OfType<IMethodSymbol>().Where(method => method.ExplicitInterfaceImplementations.Any(
                implemented => implemented.Name == "ExecuteAsync" && implemented.ContainingType.Name == handlerName)))
            .ToArray();
        string? executeProblem = execute.Length switch
        {
            0 => "declares no ExecuteAsync method",
            > 1 => "declares more than one ExecuteAsync method, so it is ambiguous which one serves the agent",
            _ when !IsExecuteShape(execute[0], contextName, symbols) => "has an ExecuteAsync whose signature does not match",
            // The generator matches the signature by the names as written (it runs before the context type exists).
            _ when !AgentParser.DeclaresExecuteMethod(type, baseName, cancellationToken) =>
                $"spells its ExecuteAsync signature in a way the generator does not recognize (write the types as Task, {contextName} and CancellationToken, not through aliases)",
            _ => null,
        };
        if (executeProblem is not null)
        {
            Location at = execute.Length == 1 ? execute[0].Locations.FirstOrDefault() ?? location : location;
            // The code fix generates the method when it is missing; it needs the generated context's name.
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticCatalog.ContextTypeProperty, contextName)
                .Add(DiagnosticCatalog.ExecuteProblemProperty, execute.Length switch { 0 => "Missing", > 1 => "Ambiguous", _ => "Shape" });
            report(Diagnostic.Create(DiagnosticCatalog.ExecuteMethod, at, properties, type.Name, executeProblem, contextName));
        }
    }

    private static bool IsExecuteShape(IMethodSymbol method, string contextName, KnownSymbols symbols) =>
        !method.IsStatic
        && !method.IsGenericMethod
        && method.Parameters.Length == 2
        && method.Parameters.All(parameter => parameter.RefKind == RefKind.None && !parameter.IsParams)
        && method.Parameters[0].Type.Name == contextName
        && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, symbols.CancellationToken)
        && SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.Task);

    private static INamedTypeSymbol? NotPartial(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            bool partial = current.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
            {
                return current;
            }
        }

        return null;
    }

    private static void ReportDuplicateNames(CompilationAnalysisContext context, ConcurrentBag<AgentName> names)
    {
        // Deterministic: the first declaration in source order keeps its name, every later one is reported.
        foreach (IGrouping<string, AgentName> group in names.GroupBy(n => n.Name))
        {
            AgentName[] ordered = group
                .OrderBy(n => n.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(n => n.Location.SourceSpan.Start)
                .ToArray();
            for (int i = 1; i < ordered.Length; i++)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.DuplicateAgentName, ordered[i].Location, group.Key, ordered[0].Type.ToDisplayString()));
            }
        }
    }

    // Mirrors the generator's skip: every agent of a clashing group is reported, since none of them is generated.
    private static void ReportClashingGeneratedNames(CompilationAnalysisContext context, ConcurrentBag<AgentName> hintNames)
    {
        var clashing = new HashSet<string>(GeneratedNames.Clashing(hintNames.Select(n => n.Name)), System.StringComparer.Ordinal);
        foreach (IGrouping<string, AgentName> group in hintNames.Where(n => clashing.Contains(n.Name)).GroupBy(n => n.Name, System.StringComparer.OrdinalIgnoreCase))
        {
            foreach (AgentName agent in group)
            {
                string others = string.Join("', '", group.Where(other => !ReferenceEquals(other, agent)).Select(other => other.Type.ToDisplayString()).OrderBy(n => n, System.StringComparer.Ordinal));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.GeneratedNamesClash, agent.Location, agent.Type.ToDisplayString(), others, AgentNaming.BaseName(agent.Type)));
            }
        }
    }

    private sealed record AgentName(string Name, INamedTypeSymbol Type, Location Location);

    private sealed record KnownSymbols(
        INamedTypeSymbol Agent,
        INamedTypeSymbol? CancellationToken,
        INamedTypeSymbol? Task);
}
