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

[A2AAgent("Nothing yet")]
public partial class {|A2A0002:NothingYet|}
{
    public string Describe() => "an agent without a handler";
}
