using System;
using System.Collections.Generic;
using System.Linq;

namespace A2A.Generators.Model;

/// <summary>
/// Which agents' generated names collide. Shared by the generator (which skips them) and A2A0005 (which reports
/// them), so both always agree.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>
    /// The hint names that occur more than once, compared ignoring case as Roslyn compares hint names (equal hint
    /// names also mean equal generated type names, since both come from the namespace and the base name).
    /// </summary>
    public static IEnumerable<string> Clashing(IEnumerable<string> hintNames) =>
        hintNames
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, StringComparer.Ordinal);
}
