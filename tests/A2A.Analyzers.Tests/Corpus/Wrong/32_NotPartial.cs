// Does not compile by design: the generator skips a class that is not partial, so EchoContext does not exist.
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;

namespace Corpus.Wrong;

[A2AAgent("Echo")]
public class {|A2A0001:Echo|}
{
    public Task ExecuteAsync({|CS0246:EchoContext|} context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
}
