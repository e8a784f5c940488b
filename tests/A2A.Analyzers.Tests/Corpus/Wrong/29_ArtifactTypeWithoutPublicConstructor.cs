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

public sealed class Receipt
{
    private Receipt(string number) => Number = number;

    public string Number { get; }

    public static Receipt Create(string number) => new(number);
}

[A2AAgent("Shop")]
[{|A2A0004:A2AArtifact(typeof(Receipt))|}]
public interface IShop
{
}
