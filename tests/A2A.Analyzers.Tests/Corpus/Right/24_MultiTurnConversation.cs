using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Tasks;

namespace Corpus.Right;

// Collects three answers over several turns of one task.
[A2AAgent("Survey", OptionalStates = OptionalTaskStates.InputRequired)]
public partial class Survey
{
    private static readonly string[] Questions = ["Your name?", "Your team?", "Your favourite protocol?"];

    public async Task ExecuteAsync(SurveyContext context, CancellationToken cancellationToken)
    {
        int answered = context.Task.History.Count(m => m.Role == Role.User) - 1;
        if (answered < Questions.Length)
        {
            await context.Updater.RequireInputAsync(Questions[answered], cancellationToken);
            return;
        }

        await context.Updater.AddTextArtifactAsync(string.Join("\n", context.Task.History.Where(m => m.Role == Role.User).Skip(1).Select(m => string.Concat(m.Parts.Select(p => p.Text)))), name: "answers", cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync("Thanks!", cancellationToken);
    }
}
