using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using CollegeBot.Scheduler.Attendance;
using CollegeBot.Scheduler.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Scheduler.Tests.Attendance;

/// <summary>
/// CatchUpReminders through a month of December 2026, the job run each day at 09:00 in Bishkek as its cron runs it.
/// An absence on Thursday 3 December is due on Thursday 17 December (14 days): the student is reminded on the 14th
/// (D-3) and the 16th (D-1), the student and both parents on the 17th, and from the 18th it is overdue.
/// </summary>
public sealed class CatchUpRemindersTests : IAsyncLifetime
{
    private const string Job = CatchUpRemindersScan.Name;
    private static readonly DateOnly December = new(2026, 12, 1);
    private SchedulerHost host = null!;

    public async Task InitializeAsync()
    {
        host = await SchedulerHost.CreateAsync();
        await host.LinkAsync("S1", "P1", "P2", "C1");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_absence_on_the_3rd_is_reminded_on_its_days_and_announced_overdue_once()
    {
        host.At("2026-12-03 10:00");
        var absence = await host.RecordAsync("S1", 4, "2026-12-03", "Physics");
        Assert.Equal(new DateOnly(2026, 12, 17), absence.CatchUpDueOn);

        var month = await WalkAsync(1, 31);

        Assert.Equal(
            [
                "14: S1 catchup.reminder.student",
                "16: S1 catchup.reminder.student",
                "17: S1 catchup.reminder.today.student", "17: P1 catchup.reminder.today.parent", "17: P2 catchup.reminder.today.parent",
                "18: S1 catchup.overdue.student", "18: P1 catchup.overdue.parent", "18: P2 catchup.overdue.parent", "18: C1 catchup.overdue.curator",
            ],
            month);
    }

    [Fact]
    public async Task The_overdue_notice_names_the_subject_the_day_missed_and_the_due_date_that_passed()
    {
        host.At("2026-12-03 10:00");
        var absence = await host.RecordAsync("S1", 4, "2026-12-03", "Physics");
        host.At(new DateOnly(2026, 12, 18));
        var before = await host.LastOutboxIdAsync();

        Assert.Equal(4, await host.RunAsync(Job));

        var queued = await host.QueuedAsync(before);
        var toCurator = Assert.Single(queued, q => q.To == "C1").Row;
        Assert.Equal(
            ["catchup.overdue.curator", "Aida Bekova", "2026-12-03", "4", "absence.subject", "Physics", "2026-12-17", "IT-1", "S1", "2026-12-03"],
            Payloads.Words(toCurator));
        Assert.All(queued, q => Assert.Equal(absence.Id, q.Row.AbsenceId));
        Assert.All(queued, q => Assert.Equal(CatchUpRemindersScan.OverdueKind, q.Row.Kind));
        Assert.DoesNotContain(queued, q => q.To == "C2"); // the other group's curator
        await using var db = host.Database.NewDb();
        Assert.Equal(host.Clock.UtcNow, (await db.Absences.SingleAsync()).OverdueNotifiedAt);
    }

    [Fact]
    public async Task A_catch_up_made_up_early_gets_nothing_further()
    {
        host.At("2026-12-03 10:00");
        await host.RecordAsync("S1", 4, "2026-12-03", "Physics");
        host.At("2026-12-10 12:00");
        await host.InScopeAsync(async sp =>
        {
            var admin = await sp.GetRequiredService<CollegeDb>().People.SingleAsync(p => p.Code == "A1");
            return Assert.IsType<SignOffResult.SignedOff>(await sp.GetRequiredService<CatchUpSignOff>().SignOffAsync(admin, "S1", null, CancellationToken.None));
        });

        Assert.Empty(await WalkAsync(1, 31));
    }

    [Fact]
    public async Task An_absence_excused_without_a_catch_up_gets_nothing()
    {
        host.At("2026-12-03 10:00");
        var absence = await host.RecordAsync("S1", 4, "2026-12-03");
        await host.InScopeAsync(async sp =>
        {
            var row = await sp.GetRequiredService<CollegeDb>().Absences.SingleAsync(a => a.Id == absence.Id);
            row.Excused = true;
            row.CatchUpDueOn = null; // as ExcuseDesk leaves it for a reason that needs no catch-up
            return 0;
        });

        Assert.Empty(await WalkAsync(1, 31));
    }

    [Fact]
    public async Task A_bot_down_from_the_5th_to_the_20th_sends_one_overdue_notice_and_no_stale_reminders()
    {
        host.At("2026-12-03 10:00");
        await host.RecordAsync("S1", 4, "2026-12-03", "Physics");

        var month = (await WalkAsync(1, 4)).Concat(await WalkAsync(20, 31));

        Assert.Equal(["20: S1 catchup.overdue.student", "20: P1 catchup.overdue.parent", "20: P2 catchup.overdue.parent", "20: C1 catchup.overdue.curator"], month);
    }

    [Fact]
    public async Task A_second_run_sends_nothing_twice()
    {
        host.At("2026-12-03 10:00");
        await host.RecordAsync("S1", 4, "2026-12-03");
        await host.RecordAsync("S2", 2, "2026-12-03");

        host.At(new DateOnly(2026, 12, 17));
        Assert.Equal(5, await host.RunAsync(Job)); // S1 and both parents; S2 and P2 again, for the other child
        host.At("2026-12-17 15:00");
        Assert.Equal(0, await host.RunAsync(Job));

        host.At(new DateOnly(2026, 12, 18));
        Assert.Equal(7, await host.RunAsync(Job)); // the same people and the curator, once per absence
        Assert.Equal(0, await host.RunAsync(Job));
        host.At(new DateOnly(2026, 12, 19));
        Assert.Equal(0, await host.RunAsync(Job));
    }

    [Fact]
    public async Task An_absence_recorded_late_gets_only_the_reminders_still_ahead()
    {
        // Recorded on the 15th for the 1st: due on the 15th itself, so only the due-day reminder is left.
        host.At("2026-12-15 08:30");
        await host.RecordAsync("S1", 2, "2026-12-01");

        Assert.Equal(["15: S1 catchup.reminder.today.student", "15: P1 catchup.reminder.today.parent", "15: P2 catchup.reminder.today.parent",
            "16: S1 catchup.overdue.student", "16: P1 catchup.overdue.parent", "16: P2 catchup.overdue.parent", "16: C1 catchup.overdue.curator"],
            await WalkAsync(15, 31));
    }

    [Fact]
    public async Task A_run_inside_quiet_hours_holds_its_reminders_until_they_end()
    {
        host.At("2026-12-03 10:00");
        await host.RecordAsync("S1", 4, "2026-12-03");
        host.At("2026-12-14 06:30");
        var before = await host.LastOutboxIdAsync();

        Assert.Equal(1, await host.RunAsync(Job));

        var reminder = Assert.Single(await host.QueuedAsync(before)).Row;
        Assert.Equal(new DateTime(2026, 12, 14, 2, 0, 0, DateTimeKind.Utc), reminder.NotBefore); // 08:00 in Bishkek
        Assert.Equal(OutboxStatus.Pending, reminder.Status);
    }

    [Fact]
    public async Task The_configured_reminder_days_are_used()
    {
        await using var custom = await SchedulerHost.CreateAsync("Attendance:ReminderDaysBefore:0=5");
        custom.At("2026-12-03 10:00");
        await custom.RecordAsync("S3", 2, "2026-12-03");

        Assert.Equal(["12: S3 catchup.reminder.student", "17: S3 catchup.reminder.today.student", "18: S3 catchup.overdue.student", "18: C2 catchup.overdue.curator"],
            await WalkAsync(1, 31, custom));
    }

    /// <summary>Runs the job at 09:00 on each day from <paramref name="first"/> to <paramref name="last"/> of December; "day: recipient key" per message.</summary>
    private async Task<List<string>> WalkAsync(int first, int last, SchedulerHost? on = null)
    {
        var host = on ?? this.host;
        var sent = new List<string>();
        for (var day = first; day <= last; day++)
        {
            host.At(December.AddDays(day - 1));
            var before = await host.LastOutboxIdAsync();
            var count = await host.RunAsync(Job);
            var queued = await host.QueuedAsync(before);
            Assert.Equal(queued.Count, count);
            sent.AddRange(queued.Select(q => $"{day}: {q.To} {Payloads.Keys(q.Row)[0]}"));
        }

        return sent;
    }
}
