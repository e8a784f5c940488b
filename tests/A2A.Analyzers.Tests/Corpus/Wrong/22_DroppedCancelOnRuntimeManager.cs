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

public static class Housekeeping
{
    public static void CancelAll(TaskManager manager, IEnumerable<string> taskIds)
    {
        foreach (string id in taskIds)
        {
            {|A2A1005:manager.CancelTaskAsync(id)|};
        }
    }
}
