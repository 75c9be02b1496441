using System.Globalization;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Scheduler;

/// <summary>
/// Runs one scan by name, now, in a DI scope of its own: what the Quartz job does on its schedule, what
/// <c>run-job</c> does for an administrator, and what tests do at a chosen time.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<ScanRegistration> scans,
    CollegeCalendar calendar,
    Signals signals,
    ILogger<JobRunner> logger)
{
    public IReadOnlyList<string> Names { get; } = [.. scans.Select(s => s.Name)];

    /// <summary>The job's name as registered, whatever the case it was typed in; null when there is none.</summary>
    public string? Find(string name) => Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <returns>How many notifications the scan queued.</returns>
    public async Task<int> RunAsync(string name, CancellationToken ct)
    {
        var job = Find(name) ?? throw new ArgumentException($"There is no job '{name}'; the jobs are {string.Join(", ", Names)}.", nameof(name));
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredKeyedService<IScan>(job).RunAsync(ct);
        var at = TimeZoneInfo.ConvertTime(new DateTimeOffset(calendar.UtcNow), calendar.Zone);
        logger.LogInformation("Job {Name} ran at {Time}: {Count} notifications", job, at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture), count);
        if (count > 0)
        {
            signals.Outbox.Notify();
        }

        return count;
    }
}
