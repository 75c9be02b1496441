using System.Diagnostics;
using System.Globalization;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using CollegeBot.FakeTelegram;
using CollegeBot.Scheduler;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// The running sandbox: the real bot host polling the fake Telegram, the demo people as Telegram users, the settable
/// clock and the jobs it fires. Every action waits until the bot has handled it and sent everything due, so what it
/// caused is printed before the next prompt.
/// </summary>
internal sealed class DemoSandbox
{
    /// <summary>How long the bot may take to handle an action and send what it caused.</summary>
    public static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);

    private readonly IHost host;
    private readonly FakeBotApiServer telegram;
    private readonly Dictionary<long, FakeUser> users;
    private readonly ChatPrinter printer;
    private readonly TextWriter output;
    private readonly SandboxTimeline timeline;
    private readonly List<DemoPerson> people;

    public DemoSandbox(IHost host, FakeBotApiServer telegram, SandboxClock clock, IEnumerable<FakeUser> users, IReadOnlyList<DemoPerson> people, TextWriter output)
    {
        this.host = host;
        this.telegram = telegram;
        this.users = users.ToDictionary(u => u.Id);
        this.people = [.. people];
        this.output = output;
        Clock = clock;
        Calendar = host.Services.GetRequiredService<CollegeCalendar>();
        printer = new ChatPrinter(people, output);
        telegram.OperationRecorded += printer.OnOperation;

        var runner = host.Services.GetRequiredService<JobRunner>();
        var schedules = host.Services.GetRequiredService<IOptionsMonitor<ScanSchedule>>();
        var scans = host.Services.GetServices<ScanRegistration>()
            .Select(s => new TimedScan(s.Name, new CronExpression(schedules.Get(s.Name).Cron, Calendar.Zone)))
            .ToList();
        timeline = new SandboxTimeline(clock, scans, (name, ct) => runner.RunAsync(name, ct), NextHeldAfterAsync, SettleAtAsync);
    }

    public SandboxClock Clock { get; }
    public CollegeCalendar Calendar { get; }
    public ChatPrinter Printer => printer;
    public IReadOnlyList<DemoPerson> People => people;

    /// <summary>What failed last (the bot did not settle in time), or null.</summary>
    public string? Trouble { get; private set; }

    /// <summary>The sandbox time in college time, as the prompt and <c>clock</c> show it.</summary>
    public string Now => Format(Clock.GetUtcNow());

    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Calendar.Zone).ToString("ddd dd MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public DemoPerson? Find(string code) =>
        people.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The scans a start of the bot runs (CatchUpReminders), as the real bot runs them when it starts.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var runner = host.Services.GetRequiredService<JobRunner>();
        foreach (var scan in host.Services.GetServices<ScanRegistration>().Where(s => s.RunAtStart))
        {
            await runner.RunAsync(scan.Name, ct);
        }

        await SettleAsync(ct);
    }

    public async Task SayAsync(DemoPerson person, string text, CancellationToken ct)
    {
        await telegram.SendTextAsync(users[person.TelegramUserId], text);
        await SettleAsync(ct);
    }

    public async Task SendPhotoAsync(DemoPerson person, string? caption, CancellationToken ct)
    {
        await telegram.SendPhotoAsync(users[person.TelegramUserId], DemoCollege.SamplePhoto, caption);
        await SettleAsync(ct);
    }

    /// <summary>Presses button <paramref name="number"/> (from 1) of a bot message in the person's chat.</summary>
    /// <returns>Why it cannot be pressed, or null when it was.</returns>
    public async Task<string?> PressAsync(DemoPerson person, int messageId, int number, CancellationToken ct)
    {
        var buttons = ButtonsOf(person, messageId);
        if (buttons.Count == 0)
        {
            return $"Message {messageId} of {person.Code} has no buttons (any more).";
        }

        if (number < 1 || number > buttons.Count)
        {
            return $"Message {messageId} of {person.Code} has buttons 1 to {buttons.Count}; there is no {number}.";
        }

        var button = buttons[number - 1];
        if (button.CallbackData is null)
        {
            return $"Button {number} opens {button.Url}; there is nothing to press here.";
        }

        output.WriteLine($"  ({person.FullName} presses \"{button.Text}\")");
        var query = await telegram.PressButtonAsync(users[person.TelegramUserId], messageId, button.CallbackData);
        try
        {
            var answer = await telegram.WaitForCallbackAnswerAsync(query, SettleLimit, ct);
            if (!string.IsNullOrEmpty(answer.Text))
            {
                output.WriteLine($"  (a note pops up for {person.FullName}: {answer.Text})");
            }
        }
        catch (TimeoutException)
        {
            Trouble = "The bot did not answer the button press.";
        }

        await SettleAsync(ct);
        return null;
    }

    /// <summary>The buttons of a bot message in the person's chat as it stands now, row after row.</summary>
    public IReadOnlyList<BotButton> ButtonsOf(DemoPerson person, int messageId) =>
        telegram.MessagesIn(person.TelegramUserId).FirstOrDefault(m => m.MessageId == messageId)?.Buttons.ToList() ?? [];

    public Task MoveClockAsync(DateTimeOffset target, CancellationToken ct) => timeline.MoveToAsync(target, ct);

    /// <summary>After each line: the jobs that fell due while real time passed.</summary>
    public Task CatchUpAsync(CancellationToken ct) => timeline.CatchUpAsync(ct);

    public DateTimeOffset DoneUntil => timeline.DoneUntil;

    /// <summary>Starts a new line: forgets the trouble of the last one and opens a new window for <c>expect</c>.</summary>
    public void BeginLine()
    {
        Trouble = null;
        printer.Mark();
    }

    private async Task SettleAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        printer.HeadNextWith($"── {Format(at)} ──");
        host.Services.GetRequiredService<Signals>().Outbox.Notify();
        await SettleAsync(ct);
        printer.HeadNextWith(null);
    }

    /// <summary>
    /// Waits until every update is stored and handled and nothing due is left in the outbox, printing what arrives; a
    /// message is recorded by the fake Telegram before its outbox row is marked sent, so nothing delivered is left out.
    /// </summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (telegram.PendingUpdateCount > 0 || await BusyAsync(ct))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(1))
            {
                printer.Flush(); // a long burst (a digest to many) shows as it goes
            }

            if (watch.Elapsed > SettleLimit)
            {
                Trouble = $"The bot did not finish within {SettleLimit.TotalSeconds:0} s.";
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }

        // Before the last of it is printed: the answer to /language is labelled with the new language.
        await RefreshLanguagesAsync(ct);
        printer.Flush();
    }

    private async Task<bool> BusyAsync(CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        return await db.Inbox.AnyAsync(i => i.HandledAt == null, ct)
            || await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending && o.NotBefore <= now, ct);
    }

    private async Task<DateTimeOffset?> NextHeldAfterAsync(DateTimeOffset after, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var instant = after.UtcDateTime;
        var next = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.NotBefore > instant)
            .MinAsync(o => (DateTime?)o.NotBefore, ct);
        return next is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>/language changes a person's language: the printer and <c>people</c> say the new one.</summary>
    private async Task RefreshLanguagesAsync(CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var languages = await db.People.Where(p => p.Language != null).ToDictionaryAsync(p => p.Code, p => p.Language!, ct);
        for (var i = 0; i < people.Count; i++)
        {
            if (languages.TryGetValue(people[i].Code, out var language) && language != people[i].Language)
            {
                people[i] = people[i] with { Language = language };
                printer.Update(people[i]);
            }
        }
    }
}
