using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace A2A.Generators.Emit;

/// <summary>
/// The generator's copy of the A2A lifecycle table (DESIGN section 3), so generated code can carry the agent's
/// table and diagram as constants. The generator cannot reference A2A.Runtime (netstandard2.0 vs net10.0); a test
/// checks this copy against TaskLifecycle for every combination of optional states.
/// </summary>
internal static class LifecycleTable
{
    // Enum order of A2A.Protocol.TaskState (values 0..8) and A2A.Lifecycle.TaskTrigger (values 0..7).
    private static readonly string[] States = ["Unspecified", "Submitted", "Working", "Completed", "Failed", "Canceled", "InputRequired", "Rejected", "AuthRequired"];
    private static readonly (string Trigger, string Target)[] Triggers =
    [
        ("Submit", "Submitted"), ("Work", "Working"), ("RequireInput", "InputRequired"), ("RequireAuth", "AuthRequired"),
        ("Complete", "Completed"), ("Fail", "Failed"), ("Cancel", "Canceled"), ("Reject", "Rejected"),
    ];

    public static bool Declares(int optionalStates, string state) => state switch
    {
        "InputRequired" => (optionalStates & 1) != 0,
        "AuthRequired" => (optionalStates & 2) != 0,
        "Rejected" => (optionalStates & 4) != 0,
        _ => true,
    };

    /// <summary>Every (from, trigger, to) edge, in the order TaskLifecycle's definition lists them.</summary>
    public static IReadOnlyList<(string From, string Trigger, string To)> Edges(int optionalStates)
    {
        var edges = new List<(string, string, string)>();
        foreach (string from in States)
        {
            foreach ((string trigger, string to) in Triggers)
            {
                if (Allowed(optionalStates, from, to))
                {
                    edges.Add((from, trigger, to));
                }
            }
        }

        return edges;
    }

    /// <summary>The same text as TaskLifecycle.ToMermaid() at run time.</summary>
    public static string Mermaid(int optionalStates)
    {
        IReadOnlyList<(string From, string Trigger, string To)> edges = Edges(optionalStates);
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach ((string from, string trigger, string to) in edges)
        {
            text.Append("    ").Append(from == "Unspecified" ? "[*]" : from).Append(" --> ").Append(to).Append(" : ").Append(trigger).Append('\n');
        }

        var present = new HashSet<string>(edges.SelectMany(e => new[] { e.From, e.To }));
        foreach (string state in States.Where(s => s != "Unspecified" && present.Contains(s) && edges.All(e => e.From != s)))
        {
            text.Append("    ").Append(state).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    private static bool Allowed(int optionalStates, string from, string to)
    {
        if (!Declares(optionalStates, to) || !Declares(optionalStates, from))
        {
            return false;
        }

        return from switch
        {
            "Unspecified" => to == "Submitted",
            "Submitted" or "Working" => to != "Submitted" && to != "Unspecified",
            "InputRequired" or "AuthRequired" => to is "Working" or "Failed" or "Canceled" or "Rejected",
            _ => false,
        };
    }
}
