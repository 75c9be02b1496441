using CollegeBot.Domain.College;
using CollegeBot.Scheduler.Attendance;
using CollegeBot.Scheduler.WorkBasedLearning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        var services = builder.Services;
        services.AddSingleton<JobRunner>();
        // The jobs, each with its default schedule (college time): reminders daily at 09:00, the digest on Mondays at
        // 08:30, waiting excuses every hour. CatchUpReminders also runs at start: it is idempotent, and so a bot
        // started at 10:00, or after an outage, still sends today's reminders.
        services.AddScan<CatchUpRemindersScan>(CatchUpRemindersScan.Name, "0 0 9 * * ?", runAtStart: true);
        services.AddScan<CuratorDigestScan>(CuratorDigestScan.Name, "0 30 8 ? * MON");
        services.AddScan<ExcuseRemindersScan>(ExcuseRemindersScan.Name, "0 0 * * * ?");
        // Work-based learning: silent students at 17:00 on working days, silent mentors (and the supervisor's
        // escalation) at 10:00 on working days, the end of placements every day at 09:00.
        services.AddScan<DiaryRemindersScan>(DiaryRemindersScan.Name, "0 0 17 ? * MON-SAT");
        services.AddScan<ReviewRemindersScan>(ReviewRemindersScan.Name, "0 0 10 ? * MON-SAT");
        services.AddScan<PlacementEndScan>(PlacementEndScan.Name, "0 0 9 * * ?");
        services.AddOptions<SchedulerOptions>().BindConfiguration(ScanSchedule.SectionName);

        builder.AddQuartz(_ => { });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        // Scheduler:Enabled=false builds the scheduler with its jobs but leaves it in standby: nothing runs by itself.
        services.AddSingleton<IPostConfigureOptions<QuartzHostedServiceOptions>>(sp =>
            new PostConfigureOptions<QuartzHostedServiceOptions, IOptions<SchedulerOptions>>(
                name: null, sp.GetRequiredService<IOptions<SchedulerOptions>>(), (options, scheduler) => options.AutoStart = scheduler.Value.Enabled));
        return builder;
    }

    /// <summary>
    /// A scan with a Quartz job of its own, named <paramref name="name"/>: scoped (one DI scope per run), run on the cron
    /// of <c>Scheduler:&lt;name&gt;:Cron</c> (default <paramref name="defaultCron"/>) in <c>College:TimeZone</c>, and by
    /// <c>run-job &lt;name&gt;</c>. With <paramref name="runAtStart"/> it also runs once each time the bot starts.
    /// </summary>
    public static IServiceCollection AddScan<TScan>(this IServiceCollection services, string name, string defaultCron, bool runAtStart = false)
        where TScan : class, IScan
    {
        services.AddScoped<TScan>();
        services.AddKeyedScoped<IScan>(name, (sp, _) => sp.GetRequiredService<TScan>());
        services.AddSingleton(new ScanRegistration(name, typeof(TScan), defaultCron, runAtStart));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScanSchedule>, ScanScheduleValidator>());
        services.AddOptions<ScanSchedule>(name)
            .Configure(o => o.Cron = defaultCron)
            .BindConfiguration($"{ScanSchedule.SectionName}:{name}")
            .ValidateOnStart();

        var job = new JobKey(name);
        services.AddQuartz(q =>
        {
            q.AddJob<ScanJob>(j => j.WithIdentity(job).StoreDurably().WithDescription($"the {name} scan"));
            // Built when the scheduler is, from the validated settings.
            q.AddTrigger((sp, t) => t
                .ForJob(job)
                .WithIdentity(name)
                .WithCronSchedule(
                    sp.GetRequiredService<IOptionsMonitor<ScanSchedule>>().Get(name).Cron,
                    cron => cron.InTimeZone(sp.GetRequiredService<CollegeCalendar>().Zone)));
            if (runAtStart)
            {
                q.RunAtStartup(job);
            }
        });
        return services;
    }
}
