using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using A2A.Generators.Model;
using A2A.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace A2A.Generators.Parse;

/// <summary>
/// Turns an annotated type into an <see cref="AgentModel"/>. Input the generator cannot serve (a class that is not
/// partial, a generic agent, an artifact type that does not resolve, clashing names ...) yields null: the generator
/// stays silent and the analyzers report the problem with a location and a fix.
/// </summary>
internal static class AgentParser
{
    public const string AgentAttribute = LifecycleVocabulary.AgentAttributeType;

    public static AgentModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }

        // A class that is not partial (or sits in a type that is not) cannot get the handler interface attached, but
        // its context, updater and manager are still generated: the user's code keeps binding, the build has no
        // "type not found" errors, and A2A0001 (an analyzer, which the compiler runs only on code without errors)
        // says what to fix.
        bool isInterface = type.TypeKind == TypeKind.Interface;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        bool partial = isInterface || IsPartial(declaration);
        var containing = new List<ContainingTypeModel>();
        for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax outer; parent = outer.Parent)
        {
            partial &= isInterface || IsPartial(outer);
            containing.Insert(0, new ContainingTypeModel(Keyword(outer), Escape(outer.Identifier.ValueText)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Likewise for a declaration with problems (A2A0004): generated from what is valid in it, unless nothing can be.
        if (ParseDeclaration(type, context.Attributes[0], problems: null) is not { } agent)
        {
            return null;
        }

        string baseName = AgentNaming.BaseName(type);
        return new AgentModel(
            Namespace: NamespaceName(type.ContainingNamespace),
            TypeName: Escape(type.Name),
            TypeKeyword: Keyword(declaration),
            ContainingTypes: new EquatableArray<ContainingTypeModel>(containing),
            BaseName: baseName,
            IsInterface: isInterface,
            IsPublic: IsPublicAllTheWay(type),
            HasExecuteMethod: !isInterface && partial && DeclaresExecuteMethod(type, baseName, cancellationToken),
            IsPartial: partial,
            AgentName: agent.Name,
            Description: agent.Description,
            Version: agent.Version,
            OptionalStates: agent.OptionalStates,
            JsonContext: agent.JsonContext,
            PushNotifications: agent.PushNotifications,
            Skills: new EquatableArray<SkillModel>(agent.Skills),
            Artifacts: new EquatableArray<ArtifactModel>(agent.Artifacts));
    }

    /// <summary>
    /// The one definition of a valid [A2AAgent] declaration (partial-ness and the execute method aside), shared by
    /// the generator and A2A0004: every problem is added to <paramref name="problems"/> (when given) with the syntax
    /// that causes it. Returns what can still be generated: the declaration with its invalid parts left out (an
    /// empty name falls back to the type's name, an invalid artifact or skill is dropped), or null when the agent
    /// cannot be generated at all (generic, static, not a class or interface, unreachable from namespace level).
    /// </summary>
    internal static AgentDeclaration? ParseDeclaration(INamedTypeSymbol type, AttributeData agentAttribute, List<DeclarationProblem>? problems)
    {
        SyntaxReference? agentSyntax = agentAttribute.ApplicationSyntaxReference;
        if (type.IsGenericType)
        {
            problems?.Add(new DeclarationProblem("an agent cannot be generic", null));
            return null;
        }

        if (type.TypeKind != TypeKind.Interface && (type.TypeKind != TypeKind.Class || type.IsStatic))
        {
            problems?.Add(new DeclarationProblem("an agent must be a non-static class or an interface", null));
            return null;
        }

        // The generated types live at namespace level and name the agent, so it must be reachable from there.
        if (FirstHidden(type, internalIsVisible: true) is { } hidden)
        {
            problems?.Add(new DeclarationProblem(hidden.Equals(type, SymbolEqualityComparer.Default)
                ? "an agent must be public or internal (not private, protected or file-local), because the generated types next to it refer to it"
                : $"an agent's containing type '{hidden.Name}' must be public or internal (not private, protected or file-local), because the generated types refer to the agent", null));
            return null;
        }

        string name = type.Name;
        if (agentAttribute.ConstructorArguments.Length == 1 && agentAttribute.ConstructorArguments[0].Value is string { Length: > 0 } declaredName)
        {
            name = declaredName;
        }
        else
        {
            problems?.Add(new DeclarationProblem("the agent name must be a non-empty string", ArgumentSyntax(agentSyntax, index: 0)));
        }

        string? description = null;
        string version = "1.0.0";
        int optionalStates = 0;
        string? jsonContext = null;
        bool pushNotifications = false;
        foreach (KeyValuePair<string, TypedConstant> argument in agentAttribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Description":
                    description = argument.Value.Value as string;
                    break;
                case "Version":
                    version = argument.Value.Value as string ?? version;
                    break;
                case "OptionalStates" when argument.Value.Value is int flags:
                    if ((flags & ~LifecycleVocabulary.OptionalAll) != 0)
                    {
                        problems?.Add(new DeclarationProblem("OptionalStates has flags that are not optional task states", ArgumentSyntax(agentSyntax, "OptionalStates")));
                    }

                    optionalStates = flags & LifecycleVocabulary.OptionalAll;
                    break;
                case "PushNotifications" when argument.Value.Value is bool push:
                    pushNotifications = push;
                    break;
                case "JsonContext":
                    if (argument.Value.Value is not INamedTypeSymbol contextType || !DerivesFromJsonContext(contextType))
                    {
                        problems?.Add(new DeclarationProblem("JsonContext must be a System.Text.Json.Serialization.JsonSerializerContext", ArgumentSyntax(agentSyntax, "JsonContext")));
                        break;
                    }

                    jsonContext = contextType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    break;
            }
        }

        var skills = new List<SkillModel>();
        var artifacts = new List<ArtifactModel>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (Is(attribute.AttributeClass, "A2ASkillAttribute", "A2A", "Agents"))
            {
                if (ParseSkill(attribute) is not { } skill)
                {
                    problems?.Add(new DeclarationProblem("a skill needs a non-empty id and name", attribute.ApplicationSyntaxReference));
                }
                else if (skills.Any(s => s.Id == skill.Id))
                {
                    problems?.Add(new DeclarationProblem($"skill id '{skill.Id}' is declared twice", attribute.ApplicationSyntaxReference));
                }
                else
                {
                    skills.Add(skill);
                }
            }
            else if (Is(attribute.AttributeClass, "A2AArtifactAttribute", "A2A", "Agents"))
            {
                (ArtifactModel? artifact, string? problem) = ParseArtifact(attribute);
                if (artifact is null)
                {
                    problems?.Add(new DeclarationProblem(problem!, attribute.ApplicationSyntaxReference));
                }

                // Get{Stem}() and Get{Stem}List() per artifact: "Item" and "ItemList" would both define GetItemList().
                else if (artifacts.FirstOrDefault(a => a.WireName == artifact.WireName || a.MethodStem == artifact.MethodStem
                        || a.MethodStem == artifact.MethodStem + "List" || a.MethodStem + "List" == artifact.MethodStem) is { } other)
                {
                    problems?.Add(new DeclarationProblem($"artifact name '{artifact.WireName}' clashes with artifact name '{other.WireName}' (their generated Get...() and Get...List() methods would collide)", attribute.ApplicationSyntaxReference));
                }
                else
                {
                    artifacts.Add(artifact);
                }
            }
        }

        return new AgentDeclaration(name, description, version, optionalStates, jsonContext, pushNotifications, skills, artifacts);
    }

    /// <summary>The syntax of a positional (<paramref name="index"/>) or named argument of an attribute, or the attribute itself.</summary>
    private static SyntaxReference? ArgumentSyntax(SyntaxReference? attribute, int index = -1, string? named = null)
    {
        if (attribute?.GetSyntax() is not AttributeSyntax { ArgumentList: { } list } syntax)
        {
            return attribute;
        }

        AttributeArgumentSyntax? argument = named is not null
            ? list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == named)
            : list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ElementAtOrDefault(index);
        return argument is null ? attribute : argument.GetReference();
    }

    private static SyntaxReference? ArgumentSyntax(SyntaxReference? attribute, string named) => ArgumentSyntax(attribute, -1, named);

    private static SkillModel? ParseSkill(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } id
            || attribute.ConstructorArguments[1].Value is not string { Length: > 0 } name)
        {
            return null;
        }

        string? description = null;
        IEnumerable<string> tags = [];
        IEnumerable<string> examples = [];
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Description":
                    description = argument.Value.Value as string;
                    break;
                case "Tags" when !argument.Value.IsNull:
                    tags = argument.Value.Values.Select(v => v.Value as string).Where(v => v is not null)!;
                    break;
                case "Examples" when !argument.Value.IsNull:
                    examples = argument.Value.Values.Select(v => v.Value as string).Where(v => v is not null)!;
                    break;
            }
        }

        return new SkillModel(id, name, description, new EquatableArray<string>(tags), new EquatableArray<string>(examples));
    }

    // Artifacts are written by the agent and read back by typed clients: the type must be constructible by
    // System.Text.Json (a public constructor or one marked [JsonConstructor], or a polymorphic base that names its
    // derived types with discriminators) and reachable from generated code.
    private static string? UnserializableReason(INamedTypeSymbol type)
    {
        switch (type.TypeKind)
        {
            case TypeKind.Interface when !IsReadablePolymorphicBase(type):
                return "is an interface without [JsonDerivedType(typeof(...), \"discriminator\")] derived types";
            case TypeKind.Delegate:
                return "is a delegate";
            case TypeKind.Class when type.IsAbstract && !IsReadablePolymorphicBase(type):
                return "is abstract without [JsonDerivedType(typeof(...), \"discriminator\")] derived types";
            case TypeKind.Interface or TypeKind.Class when type.IsAbstract:
                return FirstHidden(type, internalIsVisible: true) is null ? null : "is not public or internal (or is file-local)";
        }

        if (FirstHidden(type, internalIsVisible: true) is not null)
        {
            return "is not public or internal (or is file-local)";
        }

        return type.TypeKind != TypeKind.Class || HasUsableConstructor(type) ? null : "has no public constructor (nor one marked [JsonConstructor])";
    }

    // System.Text.Json reads an abstract base back when it lists derived types with a type discriminator.
    private static bool IsReadablePolymorphicBase(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.ConstructorArguments.Length == 2
            && Is(a.AttributeClass, "JsonDerivedTypeAttribute", "System", "Text", "Json", "Serialization"));

    // From the declaration's syntax for source types: asking the symbol for its constructors makes Roslyn build all
    // of the type's members, on every compilation, for every agent (the transform re-runs on each edit).
    private static bool HasUsableConstructor(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return type.InstanceConstructors.Any(c =>
                c.DeclaredAccessibility == Accessibility.Public
                || c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConstructorAttribute"));
        }

        bool explicitConstructor = false;
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            if (declaration.ParameterList is not null)
            {
                return true; // a primary constructor is as accessible as the type
            }

            foreach (ConstructorDeclarationSyntax constructor in declaration.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    continue;
                }

                explicitConstructor = true;
                if (constructor.Modifiers.Any(SyntaxKind.PublicKeyword)
                    || constructor.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "JsonConstructor" or "JsonConstructorAttribute" or "System.Text.Json.Serialization.JsonConstructor" or "System.Text.Json.Serialization.JsonConstructorAttribute"))
                {
                    return true;
                }
            }
        }

        return !explicitConstructor; // no constructor written: the implicit one is public
    }

    private static (ArtifactModel? Artifact, string? Problem) ParseArtifact(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol artifactType
            || artifactType.TypeKind == TypeKind.Error
            || artifactType.IsUnboundGenericType
            || artifactType.IsStatic)
        {
            return (null, "an [A2AArtifact] type must be a concrete, non-static type that can be serialized");
        }

        if (UnserializableReason(artifactType) is { } reason)
        {
            return (null, $"[A2AArtifact] type '{artifactType.Name}' {reason}, so System.Text.Json cannot write it and read it back");
        }

        string wireName = artifactType.Name;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string { Length: > 0 } name)
            {
                wireName = name;
            }
        }

        string? stem = ToIdentifier(wireName);
        if (stem is null)
        {
            return (null, $"artifact name '{wireName}' has no letters or digits to name its methods after");
        }

        if (Array.IndexOf(ReservedArtifactStems, stem) >= 0)
        {
            return (null, $"artifact name '{wireName}' would generate Get{stem}(), which every client manager already has; set another Name on the [A2AArtifact]");
        }

        return (new ArtifactModel(FullyQualifiedName(artifactType), artifactType.Name, wireName, stem), null);
    }

    // Get{Stem}() on the generated client manager would hide these members of its base class or of object.
    private static readonly string[] ReservedArtifactStems = ["Task", "TaskOrThrow", "Type", "HashCode"];

    /// <summary>PascalCase identifier from a wire name ("travel-itinerary" → "TravelItinerary"); null when nothing usable is left.</summary>
    internal static string? ToIdentifier(string name)
    {
        var text = new StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (text.Length == 0)
        {
            return null;
        }

        if (char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    /// <summary>
    /// Whether the class declares <c>Task ExecuteAsync({baseName}Context, CancellationToken)</c>, directly or as an
    /// explicit implementation of <c>I{baseName}Handler</c>, read from the declaration's syntax: the generated
    /// context type does not exist yet when the generator runs, and binding a signature that names it made Roslyn
    /// search every referenced assembly for it (a fifth of a first run), on every compilation. Types are recognized
    /// by name; A2A0002 reports a signature that only semantics accept (an alias, say), so the two never silently
    /// disagree.
    /// </summary>
    internal static bool DeclaresExecuteMethod(INamedTypeSymbol type, string baseName, CancellationToken cancellationToken)
    {
        string contextName = AgentNaming.ContextName(baseName);
        string handlerName = AgentNaming.HandlerName(baseName);
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (MemberDeclarationSyntax member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax
                    {
                        Identifier.ValueText: "ExecuteAsync",
                        TypeParameterList: null,
                        ParameterList.Parameters: { Count: 2 } parameters,
                    } method
                    && (method.ExplicitInterfaceSpecifier is null || RightmostName(method.ExplicitInterfaceSpecifier.Name) == handlerName)
                    && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && parameters[0].Modifiers.Count == 0
                    && parameters[1].Modifiers.Count == 0
                    && RightmostName(parameters[0].Type) == contextName
                    && RightmostName(parameters[1].Type) == "CancellationToken"
                    && RightmostName(method.ReturnType) == "Task")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "Task", "Tasks.Task", "global::System.Threading.Tasks.Task" → "Task"; generic, array, nullable ... → null.
    private static string? RightmostName(TypeSyntax? type) => type switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax aliased => RightmostName(aliased.Name),
        _ => null,
    };

    /// <summary>
    /// <c>global::Ns.Outer.Name</c>, as <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/> writes a type. The plain
    /// case (no generics anywhere, not a special type) is built here: the display machinery cost a few percent of
    /// every run when called for every agent on every compilation. Anything else still goes through it.
    /// </summary>
    internal static string FullyQualifiedName(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType || current.SpecialType != SpecialType.None || current.TypeKind == TypeKind.Error)
            {
                return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }
        }

        var name = new StringBuilder(Escape(type.Name));
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name.Insert(0, Escape(outer.Name) + ".");
        }

        string ns = NamespaceName(type.ContainingNamespace);
        return "global::" + (ns.Length == 0 ? "" : ns + ".") + name;
    }

    /// <summary>The namespace as C# source names it (<c>Corp.@event.Agents</c>); empty for the global namespace.</summary>
    internal static string NamespaceName(INamespaceSymbol? ns)
    {
        string name = "";
        for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = name.Length == 0 ? Escape(ns.Name) : Escape(ns.Name) + "." + name;
        }

        return name;
    }

    // Reserved keywords need '@' to be used as names; contextual ones (record, var, ...) do not.
    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    private static bool IsPartial(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    private static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    private static bool DerivesFromJsonContext(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current, "JsonSerializerContext", "System", "Text", "Json", "Serialization"))
            {
                return true;
            }
        }

        return false;
    }

    // Name checks without ToDisplayString: the transform re-runs for every agent on every edit, so it must not
    // allocate display strings to recognize a handful of well-known types.
    private static bool Is(ITypeSymbol? type, string name, params string[] namespaceParts)
    {
        if (type is null || type.Name != name || type.ContainingType is not null)
        {
            return false;
        }

        INamespaceSymbol? ns = type.ContainingNamespace;
        for (int i = namespaceParts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != namespaceParts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    private static bool IsPublicAllTheWay(INamedTypeSymbol type) => FirstHidden(type, internalIsVisible: false) is null;

    // The type itself or the first of its containing types that generated code at namespace level cannot see as
    // public (or, with internalIsVisible, as public or internal); null when all of them are visible. A file-local
    // type is hidden too: the generated code is another file.
    private static INamedTypeSymbol? FirstHidden(INamedTypeSymbol type, bool internalIsVisible)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal
                || (current.DeclaredAccessibility != Accessibility.Public && !(internalIsVisible && current.DeclaredAccessibility == Accessibility.Internal)))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>A problem of an agent declaration, and the syntax that causes it (null: the type's name).</summary>
    internal sealed record DeclarationProblem(string Message, SyntaxReference? At);

    /// <summary>An agent declaration's attribute values, as the parse produced them (its invalid parts left out).</summary>
    internal sealed record AgentDeclaration(
        string Name,
        string? Description,
        string Version,
        int OptionalStates,
        string? JsonContext,
        bool PushNotifications,
        List<SkillModel> Skills,
        List<ArtifactModel> Artifacts);
}
