using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Tasks;

namespace Corpus.Wrong;

[A2AAgent("Old style")]
public partial class OldStyle
{
    public Task {|A2A0002:ExecuteAsync|}(string text, CancellationToken cancellationToken) => Task.CompletedTask;
}
