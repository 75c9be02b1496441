using CollegeBot.Scheduler.WorkBasedLearning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CollegeBot.Scheduler;

public static class DependencyInjection
{
    /// <summary>
    /// Quartz in the host. Each job scans the database for what is due as of now and writes outbox messages; it never
    /// talks to Telegram.
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        builder.AddQuartz(_ => { });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        // Work-based learning (issue 5): scans to be run as Quartz jobs DiaryReminders, ReviewReminders and
        // PlacementEnd, each with its cron Scheduler:<Name>:Cron (see README for the proposed defaults).
        builder.Services.AddScoped<DiaryRemindersScan>();
        builder.Services.AddScoped<ReviewRemindersScan>();
        builder.Services.AddScoped<PlacementEndScan>();
        return builder;
    }
}
