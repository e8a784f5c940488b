using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using A2A.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// A2A1001 / A2A1002: a change to a task after it reached a terminal state, found by data flow over the method's
/// control-flow graph (branches, loops, switch, early returns, awaits) with a three-value lattice per task handle:
/// Active, Terminal (on every path), MaybeTerminal (on some). A handle is an updater expression (a local, parameter,
/// field or property chain such as <c>context.Updater</c>) or a task manager plus the same task-id variable.
/// </summary>
/// <remarks>
/// Built for precision: anything the analysis cannot follow makes it forget, never guess. Entering a catch or finally
/// region, reassigning a handle, a call through an unknown expression, lambdas and local functions all count as
/// "nothing known", so they can hide a finding but never invent one.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TerminalStateFlowAnalyzer : DiagnosticAnalyzer
{
    private enum Fact
    {
        Active = 0,
        MaybeTerminal = 1,
        Terminal = 2,
    }

    private enum CallKind
    {
        None,
        Update,
        Terminal,
        UnknownStatus,
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticCatalog.UpdateAfterTerminal, DiagnosticCatalog.UpdateAfterMaybeTerminal);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = new LifecycleTypes(
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.TaskUpdaterType),
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentTaskUpdaterType),
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.TaskManagerType),
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentTaskManagerType));
            if (types.TaskUpdater is null && types.AgentTaskUpdater is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(model =>
            {
                foreach (SyntaxNode codeBlock in LifecycleAnalysis.CodeBlocks(model.SemanticModel.SyntaxTree, model.CancellationToken))
                {
                    // Nothing can be terminal in a block that names no call able to finish a task: skip it on syntax alone.
                    if (!MentionsTerminalCall(codeBlock)
                        || LifecycleAnalysis.CreateGraph(codeBlock, model.SemanticModel, model.CancellationToken) is not { } graph)
                    {
                        continue;
                    }

                    var findings = new Dictionary<TextSpan, Diagnostic>();
                    LifecycleTypes forBlock = types with { Model = model.SemanticModel, CancellationToken = model.CancellationToken, Aliases = new(SymbolEqualityComparer.Default) };
                    AnalyzeWithNested(graph, forBlock, finding => findings[finding.Location.SourceSpan] = finding);
                    foreach (Diagnostic finding in findings.Values.OrderBy(d => d.Location.SourceSpan.Start))
                    {
                        model.ReportDiagnostic(finding);
                    }
                }
            });
        });
    }

    private static bool MentionsTerminalCall(SyntaxNode codeBlock) =>
        codeBlock.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken)
            && (LifecycleAnalysis.IsTerminalMethod(token.ValueText) || token.ValueText == LifecycleVocabulary.UpdateStatusMethod));

    // Lambdas and local functions have graphs of their own. Each is analyzed from a clean slate: what they run after
    // is unknown, so only what happens inside them can be definite.
    private static void AnalyzeWithNested(ControlFlowGraph graph, LifecycleTypes types, System.Action<Diagnostic> report)
    {
        Analyze(graph, types, report);
        foreach (IMethodSymbol local in graph.LocalFunctions)
        {
            AnalyzeWithNested(graph.GetLocalFunctionControlFlowGraph(local), types, report);
        }

        foreach (IFlowAnonymousFunctionOperation lambda in graph.Blocks.SelectMany(LifecycleAnalysis.AllOperations).OfType<IFlowAnonymousFunctionOperation>())
        {
            AnalyzeWithNested(graph.GetAnonymousFunctionControlFlowGraph(lambda), types, report);
        }
    }

    private static void Analyze(ControlFlowGraph graph, LifecycleTypes types, System.Action<Diagnostic> report)
    {
        // The graph moves some receivers and arguments into flow captures (around awaits, initializers, ?:).
        // A capture written once stands for its value; one written on several paths is not followed.
        var captures = new Dictionary<CaptureId, IOperation?>();
        foreach (IFlowCaptureOperation capture in graph.Blocks.SelectMany(LifecycleAnalysis.AllOperations).OfType<IFlowCaptureOperation>())
        {
            captures[capture.Id] = captures.ContainsKey(capture.Id) ? null : capture.Value;
        }

        types = types with { Captures = captures };
        var run = new FlowRun(graph, types, entry: 0, firstInScope: 0, lastInScope: graph.Blocks.Length - 1);
        run.Solve();

        // One reporting pass over the fixed point, so no finding comes from an intermediate state.
        var findings = new List<Diagnostic>();
        foreach (BasicBlock block in graph.Blocks)
        {
            if (block.IsReachable && run.Output[block.Ordinal] is not null)
            {
                Transfer(block, run.Input(block), types, findings);
            }
        }

        foreach (Diagnostic finding in findings.GroupBy(d => d.Location.SourceSpan).Select(g => g.First()))
        {
            report(finding);
        }
    }

    /// <summary>
    /// One fixed point over a graph, or over one finally region of it. Besides ordinary edges it follows what try
    /// statements do: a finally region is entered from every normal way out of its try (falling through, return,
    /// break) and its effect is applied on those ways out; a catch or filter is entered with what held at the start of
    /// any block of its try (an exception can leave the try before a terminal call commits, so a catch is judged on
    /// that, never on the states after the calls).
    /// </summary>
    private sealed class FlowRun(ControlFlowGraph graph, LifecycleTypes types, int entry, int firstInScope, int lastInScope)
    {
        private readonly Dictionary<ControlFlowRegion, Dictionary<string, Fact>> _finallyEffects = new();

        // The branches that run through each finally region on their way out of its try, found once per run.
        private readonly System.Lazy<ILookup<ControlFlowRegion, ControlFlowBranch>> _intoFinally = new(() => graph.Blocks
            .SelectMany(source => new[] { source.FallThroughSuccessor, source.ConditionalSuccessor })
            .Where(branch => branch is not null && LifecycleAnalysis.IsFeasible(branch))
            .SelectMany(branch => branch!.FinallyRegions.Select(region => (Region: region, Branch: branch!)))
            .ToLookup(pair => pair.Region, pair => pair.Branch));

        public Dictionary<string, Fact>?[] Output { get; } = new Dictionary<string, Fact>?[graph.Blocks.Length];

        public void Solve()
        {
            var work = new Queue<int>();
            var queued = new bool[graph.Blocks.Length];
            void Enqueue(int ordinal)
            {
                if (ordinal >= firstInScope && ordinal <= lastInScope && !queued[ordinal])
                {
                    work.Enqueue(ordinal);
                    queued[ordinal] = true;
                }
            }

            Enqueue(entry);
            while (work.Count > 0)
            {
                int ordinal = work.Dequeue();
                queued[ordinal] = false;
                BasicBlock block = graph.Blocks[ordinal];
                Dictionary<string, Fact> state = Transfer(block, Input(block), types, findings: null);
                if (Output[ordinal] is { } previous && SameFacts(previous, state))
                {
                    continue;
                }

                Output[ordinal] = state;
                foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (branch is null || !LifecycleAnalysis.IsFeasible(branch))
                    {
                        continue;
                    }

                    foreach (ControlFlowRegion @finally in branch.FinallyRegions)
                    {
                        Enqueue(@finally.FirstBlockOrdinal);
                    }

                    if (branch.Destination is { } next)
                    {
                        Enqueue(next.Ordinal);
                    }
                }

                foreach (int handler in LifecycleAnalysis.HandlerEntries(block))
                {
                    Enqueue(handler);
                }
            }
        }

        public Dictionary<string, Fact> Input(BasicBlock block)
        {
            if (block.Ordinal == entry)
            {
                return new Dictionary<string, Fact>();
            }

            IEnumerable<Dictionary<string, Fact>?> incoming;
            if (block.EnclosingRegion is { Kind: ControlFlowRegionKind.Finally } @finally && @finally.FirstBlockOrdinal == block.Ordinal)
            {
                // Every normal way out of the try that passes through this finally, with the finally regions it
                // passes first already applied.
                incoming = _intoFinally.Value[@finally].Select(branch => Along(branch, upTo: @finally));
            }
            else if (HandlerOf(block) is { } tryRegion)
            {
                incoming = Enumerable.Range(tryRegion.FirstBlockOrdinal, tryRegion.LastBlockOrdinal - tryRegion.FirstBlockOrdinal + 1)
                    .Where(i => Output[i] is not null)
                    .Select(i => Input(graph.Blocks[i]));
            }
            else
            {
                incoming = block.Predecessors.Where(LifecycleAnalysis.IsFeasible).Select(branch => Along(branch, upTo: null));
            }

            return Merge(incoming.Where(state => state is not null).ToList()!);
        }

        // The state a branch carries: its source's output, then the effect of each finally region it runs through
        // (all of them, or those before upTo).
        private Dictionary<string, Fact>? Along(ControlFlowBranch branch, ControlFlowRegion? upTo)
        {
            if (Output[branch.Source.Ordinal] is not { } state)
            {
                return null;
            }

            foreach (ControlFlowRegion @finally in branch.FinallyRegions)
            {
                if (@finally == upTo)
                {
                    break;
                }

                state = Compose(state, FinallyEffect(@finally));
            }

            return state;
        }

        // What a finally region does by itself, whatever held on entry: a fixed point over its blocks from nothing known.
        private Dictionary<string, Fact> FinallyEffect(ControlFlowRegion @finally)
        {
            if (!_finallyEffects.TryGetValue(@finally, out Dictionary<string, Fact>? effect))
            {
                _finallyEffects[@finally] = new Dictionary<string, Fact>(); // a finally reached from inside itself adds nothing
                var inner = new FlowRun(graph, types, @finally.FirstBlockOrdinal, @finally.FirstBlockOrdinal, @finally.LastBlockOrdinal);
                inner.Solve();
                effect = inner.Output[@finally.LastBlockOrdinal] ?? new Dictionary<string, Fact>();
                _finallyEffects[@finally] = effect;
            }

            return effect;
        }

        private static Dictionary<string, Fact> Compose(Dictionary<string, Fact> before, Dictionary<string, Fact> effect)
        {
            var after = new Dictionary<string, Fact>(before);
            foreach (KeyValuePair<string, Fact> fact in effect)
            {
                after.TryGetValue(fact.Key, out Fact was);
                after[fact.Key] = fact.Value switch
                {
                    Fact.Terminal => Fact.Terminal,
                    Fact.MaybeTerminal => was == Fact.Terminal ? Fact.Terminal : Fact.MaybeTerminal,
                    _ => was,
                };
            }

            return after;
        }

        // The try region whose exceptions enter this block, when it is the first block of a catch or filter.
        private static ControlFlowRegion? HandlerOf(BasicBlock block)
        {
            for (ControlFlowRegion? region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.FirstBlockOrdinal != block.Ordinal)
                {
                    return null;
                }

                if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler
                    && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch
                    && tryAndCatch.NestedRegions.FirstOrDefault(r => r.Kind == ControlFlowRegionKind.Try) is { } tryRegion)
                {
                    return tryRegion;
                }
            }

            return null;
        }

        private static Dictionary<string, Fact> Merge(List<Dictionary<string, Fact>> incoming)
        {
            var merged = new Dictionary<string, Fact>();
            if (incoming.Count == 0)
            {
                return merged;
            }

            foreach (string key in incoming.SelectMany(s => s.Keys).Distinct())
            {
                Fact[] facts = incoming.Select(s => s.TryGetValue(key, out Fact f) ? f : Fact.Active).ToArray();
                merged[key] = facts.All(f => f == Fact.Terminal) ? Fact.Terminal
                    : facts.Any(f => f != Fact.Active) ? Fact.MaybeTerminal
                    : Fact.Active;
            }

            return merged;
        }
    }

    private static Dictionary<string, Fact> Transfer(BasicBlock block, Dictionary<string, Fact> state, LifecycleTypes types, List<Diagnostic>? findings)
    {
        foreach (IOperation node in LifecycleAnalysis.AllOperations(block))
        {
            switch (node)
            {
                // Declaring an alias (a local that only ever holds one handle) changes nothing; any other write to a
                // handle makes what was known about it void.
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when Alias(target.Local, types) is not null:
                    break;
                case ISimpleAssignmentOperation assignment when HandleKey(assignment.Target, types) is { } assigned:
                    Forget(state, assigned);
                    break;
                case IInvocationOperation invocation:
                    Apply(invocation, state, types, findings);
                    break;
            }
        }

        return state;
    }

    private static void Apply(IInvocationOperation invocation, Dictionary<string, Fact> state, LifecycleTypes types, List<Diagnostic>? findings)
    {
        (CallKind kind, string? key) = Classify(invocation, types);
        if (kind == CallKind.None || key is null)
        {
            return;
        }

        state.TryGetValue(key, out Fact before);
        if (findings is not null && before != Fact.Active)
        {
            DiagnosticDescriptor rule = before == Fact.Terminal ? DiagnosticCatalog.UpdateAfterTerminal : DiagnosticCatalog.UpdateAfterMaybeTerminal;
            findings.Add(Diagnostic.Create(rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name));
        }

        state[key] = kind switch
        {
            CallKind.Terminal => Fact.Terminal,
            CallKind.UnknownStatus => before == Fact.Terminal ? Fact.Terminal : Fact.MaybeTerminal,
            _ => before,
        };
    }

    private static (CallKind Kind, string? Key) Classify(IInvocationOperation invocation, LifecycleTypes types)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsStatic || invocation.Instance is null)
        {
            return (CallKind.None, null);
        }

        if (LifecycleAnalysis.DerivesFrom(method.ContainingType, types.TaskUpdater) || LifecycleAnalysis.DerivesFrom(method.ContainingType, types.AgentTaskUpdater))
        {
            CallKind kind = UpdaterCall(method.Name, invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state"));
            return (kind, kind == CallKind.None ? null : HandleKey(invocation.Instance, types));
        }

        if (LifecycleAnalysis.DerivesFrom(method.ContainingType, types.TaskManager) || LifecycleAnalysis.DerivesFrom(method.ContainingType, types.AgentTaskManager))
        {
            IArgumentOperation? taskId = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "taskId");
            CallKind kind = method.Name switch
            {
                "CancelTaskAsync" => CallKind.Terminal,
                LifecycleVocabulary.UpdateStatusMethod => StatusCall(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state")),
                "AddArtifactAsync" or "UpdateWithMessageAsync" or "UpdateMetadataAsync" => CallKind.Update,
                _ => CallKind.None,
            };
            string? manager = HandleKey(invocation.Instance, types);
            string? id = taskId is null ? null : HandleKey(taskId.Value, types);
            return (kind, kind == CallKind.None || manager is null || id is null ? null : manager + "#" + id);
        }

        return (CallKind.None, null);
    }

    private static CallKind UpdaterCall(string name, IArgumentOperation? state) => name switch
    {
        _ when LifecycleAnalysis.IsTerminalMethod(name) => CallKind.Terminal,
        LifecycleVocabulary.UpdateStatusMethod => StatusCall(state),
        "StartWorkAsync" or "RequireInputAsync" or "RequireAuthAsync" or "SubmitAsync" => CallKind.Update,
        _ when name.StartsWith("Add", System.StringComparison.Ordinal) && name.EndsWith("Async", System.StringComparison.Ordinal) => CallKind.Update,
        _ => CallKind.None,
    };

    private static CallKind StatusCall(IArgumentOperation? state) =>
        state?.Value.ConstantValue is { HasValue: true, Value: int value }
            ? LifecycleVocabulary.IsTerminal(value) ? CallKind.Terminal : CallKind.Update
            : CallKind.UnknownStatus;

    /// <summary>A stable name for the expression that identifies a task handle, or null when it cannot be followed.</summary>
    private static string? HandleKey(IOperation? operation, LifecycleTypes types)
    {
        for (int hops = 0; hops < 8; hops++)
        {
            if (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }
            else if (operation is IFlowCaptureReferenceOperation reference && types.Captures.TryGetValue(reference.Id, out IOperation? captured))
            {
                operation = captured;
            }
            else
            {
                break;
            }
        }

        return operation switch
        {
            // One task, many handles: a typed updater and its Untyped view, a typed manager and its Runtime, and a
            // local that only ever holds one of them, all name the same handle.
            IPropertyReferenceOperation { Property.Name: "Untyped", Instance: { } typed } when LifecycleAnalysis.DerivesFrom(typed.Type, types.AgentTaskUpdater) => HandleKey(typed, types),
            IPropertyReferenceOperation { Property.Name: "Runtime", Instance: { } typed } when LifecycleAnalysis.DerivesFrom(typed.Type, types.AgentTaskManager) => HandleKey(typed, types),
            ILocalReferenceOperation local when Alias(local.Local, types) is { } aliased => aliased,
            ILocalReferenceOperation local => "L:" + local.Local.Name + "@" + local.Local.Locations.FirstOrDefault()?.SourceSpan.Start,
            IParameterReferenceOperation parameter => "P:" + parameter.Parameter.Name,
            IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => "F:" + field.Field.Name,
            IPropertyReferenceOperation property when property.Arguments.Length == 0 && HandleKey(property.Instance, types) is { } owner => owner + "." + property.Property.Name,
            IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation => "F:" + property.Property.Name,
            ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } => "S:" + text,
            _ => null,
        };
    }

    /// <summary>The handle a never-reassigned local was initialized with, or null (cached per analysis).</summary>
    private static string? Alias(ILocalSymbol local, LifecycleTypes types)
    {
        if (types.Aliases.TryGetValue(local, out string? known))
        {
            return known;
        }

        types.Aliases[local] = null; // a local initialized from itself (through a cycle) is no alias
        string? aliased = types.Model is { } model && LifecycleAnalysis.SingleInitializer(local, model, types.CancellationToken) is { } initializer
            ? HandleKey(model.GetOperation(initializer, types.CancellationToken), types)
            : null;
        types.Aliases[local] = aliased;
        return aliased;
    }

    private static void Forget(Dictionary<string, Fact> state, string assigned)
    {
        foreach (string key in state.Keys.Where(k => k == assigned || k.StartsWith(assigned + ".", System.StringComparison.Ordinal) || k.StartsWith(assigned + "#", System.StringComparison.Ordinal) || k.EndsWith("#" + assigned, System.StringComparison.Ordinal)).ToList())
        {
            state.Remove(key);
        }
    }

    private static bool SameFacts(Dictionary<string, Fact> left, Dictionary<string, Fact> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out Fact fact) && fact == pair.Value);

    private sealed record LifecycleTypes(
        INamedTypeSymbol? TaskUpdater,
        INamedTypeSymbol? AgentTaskUpdater,
        INamedTypeSymbol? TaskManager,
        INamedTypeSymbol? AgentTaskManager)
    {
        public IReadOnlyDictionary<CaptureId, IOperation?> Captures { get; init; } = new Dictionary<CaptureId, IOperation?>();

        public SemanticModel? Model { get; init; }

        public System.Threading.CancellationToken CancellationToken { get; init; }

        // Per code block (never shared between concurrently analyzed files).
        public Dictionary<ILocalSymbol, string?> Aliases { get; init; } = new(SymbolEqualityComparer.Default);
    }
}
