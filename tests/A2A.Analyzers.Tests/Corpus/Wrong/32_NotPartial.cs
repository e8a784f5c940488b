// Not partial: the generated handler interface cannot be attached, but the context and updater are generated, so
// the code compiles and the build reports A2A0001.
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;

namespace Corpus.Wrong;

[A2AAgent("Echo")]
public class {|A2A0001:Echo|}
{
    public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
}
