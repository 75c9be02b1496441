using Microsoft.Extensions.Logging;
using Quartz;

namespace CollegeBot.Scheduler;

/// <summary>
/// The one Quartz job of every scan: its key's name is the scan's name. A run that fails saves nothing (the scan
/// commits in one transaction) and the next run finds the same work still due, so a failure is logged, not retried.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScanJob(JobRunner runner, ILogger<ScanJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.JobDetail.Key.Name;
        try
        {
            await runner.RunAsync(name, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the transaction was not committed, so the next start finds the same work.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {Name} failed; nothing of this run was saved, and its next run finds the same work due", name);
        }
    }
}
