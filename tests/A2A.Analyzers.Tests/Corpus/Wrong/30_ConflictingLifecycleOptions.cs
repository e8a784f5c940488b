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

// 64 is not an optional state; the declared lifecycle cannot be built.
[A2AAgent("Confused", {|A2A0004:OptionalStates = OptionalTaskStates.InputRequired | (OptionalTaskStates)64|})]
public interface IConfused
{
}
