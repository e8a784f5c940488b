using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace A2A.Testing;

/// <summary>
/// What every test compilation references, the way a real build of an agent project does: the .NET 10 reference
/// pack, A2A.Runtime with its Stateless dependency, and (unless a test leaves it out) dependency injection.
/// Shared by the generator and analyzer tests, whether they compile directly or through the Roslyn testing packages.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Lazy<Type?> JsonGenerator = new(LoadJsonGenerator);

    /// <summary>
    /// For the Roslyn testing packages: an empty net10.0 set. Their download of reference-assembly packages cannot
    /// run here (a package identity ends in KeyNotFoundException), so the installed reference pack comes in as
    /// additional references (<see cref="All"/>) instead.
    /// </summary>
    public static ReferenceAssemblies Net10 { get; } = new("net10.0");

    /// <summary>The framework, the runtime, Stateless and, when <paramref name="dependencyInjection"/>, Microsoft.Extensions.DependencyInjection.</summary>
    public static ImmutableArray<MetadataReference> All(bool dependencyInjection = true)
    {
        ImmutableArray<MetadataReference> references = Framework.Value.AddRange(new MetadataReference[]
        {
            MetadataReference.CreateFromFile(typeof(A2A.Tasks.TaskManager).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Stateless.StateMachine<,>).Assembly.Location),
        });
        return dependencyInjection
            ? references.AddRange(new MetadataReference[]
            {
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider).Assembly.Location),
            })
            : references;
    }

    /// <summary>
    /// System.Text.Json's source generator from the SDK's reference pack, which every real build runs beside ours
    /// (agents may name a JsonSerializerContext); null when the pack is not installed.
    /// </summary>
    public static Type? JsonSourceGenerator => JsonGenerator.Value;

    private static Type? LoadJsonGenerator()
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string packs = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        string? dll = Directory.Exists(packs)
            ? Directory.GetFiles(packs, "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
            : null;
        return dll is null ? null : System.Reflection.Assembly.LoadFrom(dll).GetTypes()
            .FirstOrDefault(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
    }

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // The reference pack of the running SDK (what a real build compiles against); the running framework otherwise.
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string version = Path.GetFileName(runtimeDir);
        string refDir = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", "net10.0");
        IEnumerable<string> files = Directory.Exists(refDir)
            ? Directory.GetFiles(refDir, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }
}
