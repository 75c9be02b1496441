using CollegeBot.Domain.Persistence;
using CollegeBot.Scheduler;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CollegeBot.Bot.Cli;

/// <summary>
/// <c>run-job &lt;name&gt;</c>: one scheduled job, once, now, against the configured database; for an administrator who
/// wants today's reminders sent after an outage. The job only queues messages: the running bot sends them.
/// </summary>
public static class RunJobVerb
{
    public static async Task<int> RunAsync(string[] args, IHost host, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        using (host)
        {
            var runner = host.Services.GetRequiredService<JobRunner>();
            var jobs = string.Join(", ", runner.Names);
            if (args.Length != 1)
            {
                return Verbs.Print(errors, $"Usage: run-job <name>, where the name is one of: {jobs}.", 2);
            }

            if (runner.Find(args[0]) is not { } name)
            {
                return Verbs.Print(errors, $"There is no job '{args[0]}'; the jobs are {jobs}.", 2);
            }

            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var count = await runner.RunAsync(name, ct);
            return Verbs.Print(output,
                $"{name} ran: {count} notification(s) queued. The running bot sends them (those for the quiet hours when they end).", 0);
        }
    }
}
