using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using CollegeBot.Scheduler.Attendance;
using CollegeBot.Scheduler.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Scheduler.Tests.Attendance;

/// <summary>ExcuseReminders: an excuse left undecided for two days comes back to the curator once, ready to decide.</summary>
public sealed class ExcuseRemindersTests : IAsyncLifetime
{
    private const string Job = ExcuseRemindersScan.Name;
    private SchedulerHost host = null!;

    public async Task InitializeAsync()
    {
        host = await SchedulerHost.CreateAsync();
        await host.LinkAsync("S1", "S3", "C1");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_curator_is_reminded_once_two_days_after_the_excuse_was_sent()
    {
        var excuse = await SubmitAsync("S1", "2026-12-01 12:00");
        var counts = new List<int>();
        foreach (var at in new[] { "2026-12-02 12:00", "2026-12-03 11:59", "2026-12-03 12:00", "2026-12-03 13:00", "2026-12-10 09:00" })
        {
            host.At(at);
            counts.Add(await host.RunAsync(Job));
        }

        Assert.Equal([0, 0, 1, 0, 0], counts);
        var (to, row) = Assert.Single(await host.QueuedAsync(), q => q.Row.Kind == ExcuseRemindersScan.Kind);
        Assert.Equal("C1", to);
        Assert.Equal(["excuse.reminder", "excuse.curator"], Payloads.Keys(row));
        Assert.Equal(["2"], Payloads.Lines(row, "excuse.reminder"));
        var message = Payloads.Message(row);
        Assert.Equal(new Attachment("photo-1", IsPhoto: true), message.Attachment);
        Assert.Equal([$"ex:ok:{excuse.Id}", $"ex:no:{excuse.Id}"], message.Buttons!.SelectMany(r => r).Select(b => b.CallbackData));
    }

    [Fact]
    public async Task A_decided_excuse_is_not_reminded()
    {
        var excuse = await SubmitAsync("S1", "2026-12-01 12:00");
        host.At("2026-12-02 09:00");
        await host.InScopeAsync(async sp =>
        {
            var curator = await sp.GetRequiredService<CollegeDb>().People.SingleAsync(p => p.Code == "C1");
            return Assert.IsType<ReviewResult.Rejected>(await sp.GetRequiredService<ExcuseDesk>().RejectAsync(curator, excuse.Id, "No stamp", CancellationToken.None));
        });

        host.At("2026-12-04 09:00");
        Assert.Equal(0, await host.RunAsync(Job));
    }

    [Fact]
    public async Task A_curator_who_has_not_linked_is_not_reminded()
    {
        await SubmitAsync("S3", "2026-12-01 12:00"); // IT-2: its curator C2 has not linked Telegram

        host.At("2026-12-04 09:00");
        Assert.Equal(0, await host.RunAsync(Job));
    }

    private async Task<Excuse> SubmitAsync(string studentCode, string at)
    {
        host.At(at);
        var absence = await host.RecordAsync(studentCode, 2, at[..10]);
        var result = await host.InScopeAsync(async sp =>
        {
            var student = await sp.GetRequiredService<CollegeDb>().People.SingleAsync(p => p.Code == studentCode);
            return await sp.GetRequiredService<ExcuseDesk>().SubmitAsync(
                student, absence.Id, "illness", "Fever", new Attachment("photo-1", IsPhoto: true), null, CancellationToken.None);
        });
        return Assert.IsType<SubmitResult.Submitted>(result).Excuse;
    }
}
