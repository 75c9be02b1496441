using CollegeBot.Scheduler.Attendance;
using CollegeBot.Scheduler.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CollegeBot.Scheduler.Tests;

/// <summary>
/// The Quartz wiring as the bot starts it: one job per scan, on its cron from the settings, in the college's time zone,
/// on the host's clock (the fake one here: Monday 23 November 2026, 15:00 in Bishkek).
/// </summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task Each_job_runs_on_its_cron_in_college_time_and_a_setting_replaces_the_default()
    {
        await using var host = await SchedulerHost.CreateAsync($"Scheduler:{CatchUpRemindersScan.Name}:Cron=0 30 7 * * ?");
        await host.Host.StartAsync();
        var scheduler = host.Services.GetRequiredService<IScheduler>();

        var catchUp = await TriggerAsync(scheduler, CatchUpRemindersScan.Name);

        Assert.Equal("0 30 7 * * ?", catchUp.CronExpressionString);
        Assert.Equal("Asia/Bishkek", catchUp.TimeZone.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 1, 30, 0, TimeSpan.Zero), catchUp.NextFireTimeUtc); // Tuesday 07:30 in Bishkek
        Assert.Equal(host.Services.GetRequiredService<JobRunner>().Names.Order(), (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).Select(k => k.Name).Order());
        await host.Host.StopAsync();
    }

    [Fact]
    public async Task The_default_crons_are_the_documented_ones()
    {
        await using var host = await SchedulerHost.CreateAsync();
        await host.Host.StartAsync();
        var scheduler = host.Services.GetRequiredService<IScheduler>();

        var catchUp = await TriggerAsync(scheduler, CatchUpRemindersScan.Name);
        var digest = await TriggerAsync(scheduler, CuratorDigestScan.Name);

        Assert.Equal("0 0 9 * * ?", catchUp.CronExpressionString);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero), catchUp.NextFireTimeUtc); // Tuesday 09:00 in Bishkek
        Assert.Equal("0 30 8 ? * MON", digest.CronExpressionString);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 30, 0, TimeSpan.Zero), digest.NextFireTimeUtc); // next Monday 08:30
        Assert.All([catchUp, digest], t => Assert.Equal("Asia/Bishkek", t.TimeZone.Id));
        await host.Host.StopAsync();
    }

    [Fact]
    public async Task Every_job_refuses_to_run_twice_at_once()
    {
        await using var host = await SchedulerHost.CreateAsync();
        await host.Host.StartAsync();
        var scheduler = host.Services.GetRequiredService<IScheduler>();

        foreach (var name in host.Services.GetRequiredService<JobRunner>().Names)
        {
            var job = await scheduler.GetJobDetail(new JobKey(name));
            Assert.NotNull(job);
            Assert.True(job.ConcurrentExecutionDisallowed, name);
        }

        await host.Host.StopAsync();
    }

    [Fact]
    public async Task A_started_bot_runs_the_catch_up_reminders_once_at_start_and_logs_it()
    {
        await using var host = await SchedulerHost.CreateAsync("Scheduler:Enabled=true");
        host.At("2026-12-03 10:00");
        await host.RecordAsync("S1", 2, "2026-11-30"); // due 14 December: nothing due today

        await host.Host.StartAsync();
        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("Job CatchUpReminders ran at 2026-12-03 10:00 +06:00: 0 notifications")));

        Assert.Equal(SchedulerStatus.Running, host.Services.GetRequiredService<IScheduler>().Status);
        await host.Host.StopAsync();
    }

    [Fact]
    public async Task With_the_scheduler_disabled_nothing_runs_by_itself()
    {
        await using var host = await SchedulerHost.CreateAsync("Scheduler:Enabled=false");
        await host.Host.StartAsync();

        Assert.NotEqual(SchedulerStatus.Running, host.Services.GetRequiredService<IScheduler>().Status);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Job CatchUpReminders ran"));
        await host.Host.StopAsync();
    }

    [Theory]
    [InlineData("every day at nine")]
    [InlineData("0 0 25 * * ?")]
    [InlineData("")]
    public async Task A_cron_Quartz_cannot_read_stops_the_start_with_a_sentence_naming_the_key(string cron)
    {
        await using var host = await SchedulerHost.CreateAsync($"Scheduler:CatchUpReminders:Cron={cron}");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains($"Scheduler:CatchUpReminders:Cron '{cron}' is not a Quartz cron expression", error.Message);
        Assert.Contains("the default is '0 0 9 * * ?'", error.Message);
    }

    [Fact]
    public async Task An_unknown_job_name_is_refused_with_the_names_there_are()
    {
        await using var host = await SchedulerHost.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.RunAsync("Nope"));

        Assert.Contains("There is no job 'Nope'; the jobs are CatchUpReminders, CuratorDigest", error.Message);
        Assert.Equal(0, await host.RunAsync("catchupreminders")); // the case of a name does not matter
    }

    private static async Task<ICronTrigger> TriggerAsync(IScheduler scheduler, string name) =>
        Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(name)));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
