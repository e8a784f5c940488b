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

public interface IShape
{
    double Area { get; }
}

// An interface without discriminated derived types cannot be read back by System.Text.Json; the generator leaves
// the artifact out.
[A2AAgent("Geometry")]
[{|A2A0004:A2AArtifact(typeof(IShape))|}]
public interface IGeometry
{
}
