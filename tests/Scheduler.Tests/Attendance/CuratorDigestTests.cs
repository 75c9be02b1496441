using CollegeBot.Domain.Persistence;
using CollegeBot.Scheduler.Attendance;
using CollegeBot.Scheduler.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Scheduler.Tests.Attendance;

/// <summary>
/// CuratorDigest on Monday 30 November 2026 at 08:30 in Bishkek: last week is 23–29 November. In IT-1, Aida (S1) is
/// linked, Bakyt (S2) is not; of the parents, Elmira (P1) blocked the bot and Farid (P2) never linked. In IT-2, Chynara
/// (S3) is not linked and has no phone in the roster.
/// </summary>
public sealed class CuratorDigestTests : IAsyncLifetime
{
    private const string Job = CuratorDigestScan.Name;
    private SchedulerHost host = null!;

    public async Task InitializeAsync()
    {
        host = await SchedulerHost.CreateAsync();
        await host.LinkAsync("S1", "P1", "C1", "C2");
        await host.InScopeAsync(async sp =>
        {
            var elmira = await sp.GetRequiredService<CollegeDb>().People.SingleAsync(p => p.Code == "P1");
            elmira.BlockedAt = host.Clock.UtcNow;
            return 0;
        });

        host.At("2026-11-27 12:00");
        await host.RecordAsync("S1", 4, "2026-11-24", "Physics");   // last week, open, due 8 December
        await host.RecordAsync("S1", 6, "2026-11-16");              // not last week; November's unexcused hours: 10
        await host.RecordAsync("S2", 2, "2026-11-10", "Chemistry"); // due 24 November: overdue
        await host.RecordAsync("S3", 2, "2026-11-25");              // the other group
        host.At("2026-11-30 08:30");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Each_curator_gets_one_digest_of_their_group_with_the_right_people()
    {
        var before = await host.LastOutboxIdAsync();

        Assert.Equal(2, await host.RunAsync(Job));

        var digests = (await host.QueuedAsync(before)).ToDictionary(q => q.To, q => q.Row);
        var it1 = digests["C1"];
        Assert.Equal(["2026-11-23 | 2026-11-29"], Payloads.Lines(it1, "digest.title"));
        Assert.Equal(["IT-1"], Payloads.Lines(it1, "digest.group"));
        Assert.Equal(["Aida Bekova | 2026-11-24 | 4 | absence.subject | Physics | view.status.unexcused"], Payloads.Lines(it1, "digest.absence"));
        Assert.Equal(["Bakyt Osmonov | 2026-11-10 | 2 | absence.subject | Chemistry | 2026-11-24"], Payloads.Lines(it1, "digest.catchup.overdue"));
        Assert.Equal(["Aida Bekova | 2026-11-16 | 6 |  | 2026-11-30", "Aida Bekova | 2026-11-24 | 4 | absence.subject | Physics | 2026-12-08"],
            Payloads.Lines(it1, "digest.catchup"));
        Assert.Equal(["Aida Bekova | 10 | 6 | escalation.measure.talk"], Payloads.Lines(it1, "digest.band"));
        Assert.Equal(
            ["Bakyt Osmonov | role.student | +996555000002", "Farid Bekov | digest.parent_of | Aida Bekova, Bakyt Osmonov | +996700000002"],
            Payloads.Lines(it1, "digest.unreached.not_linked"));
        Assert.Equal(["Elmira Bekova | digest.parent_of | Aida Bekova | +996700000001"], Payloads.Lines(it1, "digest.unreached.blocked"));
        Assert.DoesNotContain("Chynara Asanova", Payloads.Words(it1));
        Assert.True(Payloads.Message(it1).Silent);

        var it2 = digests["C2"];
        Assert.Equal(["IT-2"], Payloads.Lines(it2, "digest.group"));
        Assert.Equal(["Chynara Asanova | role.student | —"], Payloads.Lines(it2, "digest.unreached.not_linked"));
        Assert.DoesNotContain("Aida Bekova", Payloads.Words(it2));
    }

    [Fact]
    public async Task A_digest_goes_once_a_week_whenever_the_job_runs_and_again_the_next_week()
    {
        Assert.Equal(2, await host.RunAsync(Job));
        Assert.Equal(0, await host.RunAsync(Job));
        host.At("2026-12-03 10:00");
        Assert.Equal(0, await host.RunAsync(Job)); // the same ISO week
        host.At("2026-12-07 08:30");
        Assert.Equal(2, await host.RunAsync(Job));
    }

    [Fact]
    public async Task A_curator_who_cannot_read_it_gets_no_digest()
    {
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CollegeDb>();
            (await db.People.SingleAsync(p => p.Code == "C1")).BlockedAt = host.Clock.UtcNow;
            var nurlan = await db.People.SingleAsync(p => p.Code == "C2");
            nurlan.TelegramUserId = nurlan.ChatId = null;
            return 0;
        });

        Assert.Equal(0, await host.RunAsync(Job));
    }

    [Fact]
    public async Task A_quiet_group_is_said_to_be_quiet()
    {
        host.At("2026-12-28 08:30"); // last week 21–27 December; everything made up meanwhile
        await host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<CollegeDb>().Absences.ExecuteUpdateAsync(s => s.SetProperty(a => a.CaughtUpAt, host.Clock.UtcNow));
            return 0;
        });
        await host.LinkAsync("S3");
        var before = await host.LastOutboxIdAsync();

        await host.RunAsync(Job);

        var it2 = Assert.Single(await host.QueuedAsync(before), q => q.To == "C2").Row;
        Assert.Equal(["digest.title", "digest.group", "digest.quiet"], Payloads.Keys(it2));
    }
}
