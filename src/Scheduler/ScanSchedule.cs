using Microsoft.Extensions.Options;
using Quartz;

namespace CollegeBot.Scheduler;

/// <summary>A scan known by name: the name <c>run-job</c> takes and <c>Scheduler:&lt;Name&gt;:Cron</c> configures.</summary>
public sealed record ScanRegistration(string Name, Type ScanType, string DefaultCron, bool RunAtStart);

/// <summary>
/// Section <c>Scheduler:&lt;Name&gt;</c>, one per scan (named options): when it runs, as a Quartz cron expression
/// (seconds minutes hours day-of-month month day-of-week) in college time.
/// </summary>
public sealed class ScanSchedule
{
    public const string SectionName = "Scheduler";

    public string Cron { get; set; } = "";
}

/// <summary>Section <c>Scheduler</c> itself.</summary>
public sealed class SchedulerOptions
{
    /// <summary>False: no job runs by itself (neither on its schedule nor at start); <c>run-job</c> still runs one.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>A cron expression Quartz cannot read stops the program at start with a sentence naming the key.</summary>
internal sealed class ScanScheduleValidator(IEnumerable<ScanRegistration> scans) : IValidateOptions<ScanSchedule>
{
    public ValidateOptionsResult Validate(string? name, ScanSchedule options)
    {
        var scan = scans.FirstOrDefault(s => s.Name == name);
        if (scan is null || CronExpression.TryParse(options.Cron, out _))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"{ScanSchedule.SectionName}:{scan.Name}:Cron '{options.Cron}' is not a Quartz cron expression: six or seven fields, " +
            $"seconds minutes hours day-of-month month day-of-week [year], in college time; the default is '{scan.DefaultCron}'.");
    }
}
