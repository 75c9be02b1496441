using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>/absent without arguments: the same recording as buttons over the curator's group.</summary>
public sealed class AbsentFlowTests : IAsyncLifetime
{
    private BotHarness bot = null!;
    private FakeUser curator = null!;

    public async Task InitializeAsync()
    {
        bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        curator = await bot.LinkAsync(BotHarness.CuratorCode, "en");
        await bot.AskAsync(curator, "/language");
        var chooser = bot.Telegram.LastMessageIn(curator.ChatId)!;
        await bot.Telegram.PressButtonAsync(curator, chooser, "English");
        await bot.Telegram.WaitForEditAsync(curator.ChatId);
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Three_students_at_once_are_recorded_with_their_own_hours_and_each_is_told()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var screen = await bot.AskAsync(curator, "/absent");
        Assert.Equal(["Today", "Yesterday", "Another day…", "✖ Cancel"], screen.InlineKeyboard.SelectMany(r => r).Select(b => b.Text));

        screen = await PressAsync(screen, "Yesterday");
        Assert.Contains("Sun 22 Nov 2026", screen.Text);
        screen = await PressAsync(screen, "☐ Айгерим Маратова");
        screen = await PressAsync(screen, "☐ Бакыт Асанов");
        screen = await PressAsync(screen, "☐ Chynara Bekova");
        Assert.Contains("(ticked: 3)", screen.Text);
        screen = await PressAsync(screen, "Next ➡");
        Assert.Contains("How much did Айгерим Маратова miss?", screen.Text);
        screen = await PressAsync(screen, "2 pairs (4 h)");
        screen = await PressAsync(screen, "1 pair (2 h)");
        screen = await PressAsync(screen, "3 pairs (6 h)");
        Assert.Contains("Type the subject", screen.Text);

        await bot.Telegram.SendTextAsync(curator, "Физика <лаб>");
        var confirm = await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        Assert.Contains("Физика <лаб>", confirm.Text);
        Assert.Contains("• Бакыт Асанов — 2 hours", confirm.Text);
        var done = await PressAsync(confirm, "✅ Record");

        Assert.Contains("Айгерим Маратова missed 4 hours", done.Text);
        Assert.Contains("Бакыт Асанов missed 2 hours", done.Text);
        Assert.Contains("Chynara Bekova missed 6 hours", done.Text);
        Assert.Equal([4, 2, 6], await bot.QueryAsync(db => db.Absences.OrderBy(a => a.StudentId).Select(a => a.Hours).ToListAsync()));
        Assert.Contains("7 дек", (await bot.Telegram.WaitForMessageAsync(student.ChatId)).Text); // 22 Nov + 14 = Sun 6 Dec, so Mon 7 Dec
    }

    [Fact]
    public async Task Cancel_leaves_the_flow_and_records_nothing()
    {
        var screen = await PressAsync(await bot.AskAsync(curator, "/absent"), "Today");
        screen = await PressAsync(screen, "☐ Бакыт Асанов");
        var cancelled = await PressAsync(screen, "✖ Cancel");

        Assert.Equal("Cancelled; nothing was recorded.", cancelled.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync()));
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task An_old_button_or_a_forged_student_changes_nothing()
    {
        var screen = await PressAsync(await bot.AskAsync(curator, "/absent"), "Today");
        var other = await bot.PersonAsync(BotHarness.OtherGroupStudentCode);

        var forged = await bot.Telegram.PressRawCallbackAsync(curator, screen.MessageId, $"ab:t:{other.Id}");
        Assert.Contains("not meant for you", (await bot.Telegram.WaitForCallbackAnswerAsync(forged)).Text);

        await bot.AskAsync(curator, "/help"); // any command leaves the flow
        var stale = await bot.Telegram.PressButtonAsync(curator, screen, "Next ➡");
        Assert.Contains("no longer works", (await bot.Telegram.WaitForCallbackAnswerAsync(stale)).Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync()));
    }

    [Fact]
    public async Task Next_without_a_ticked_student_asks_to_tick_one()
    {
        var screen = await PressAsync(await bot.AskAsync(curator, "/absent"), "Today");
        var query = await bot.Telegram.PressButtonAsync(curator, screen, "Next ➡");
        Assert.Equal("Tick at least one student first.", (await bot.Telegram.WaitForCallbackAnswerAsync(query)).Text);
    }

    [Fact]
    public async Task Another_day_is_typed_and_checked()
    {
        var screen = await PressAsync(await bot.AskAsync(curator, "/absent"), "Another day…");
        Assert.Contains("YYYY-MM-DD", screen.Text);

        Assert.Contains("has not come yet", (await bot.AskAsync(curator, "2026-12-01")).Text);
        var students = await bot.AskAsync(curator, "2026-11-20");
        Assert.Contains("Fri 20 Nov 2026", students.Text);
        Assert.Contains(students.InlineKeyboard.SelectMany(r => r), b => b.Text == "☐ Бакыт Асанов");
    }

    /// <summary>Presses a button of the flow's message and returns the message as the bot then shows it.</summary>
    private async Task<BotMessage> PressAsync(BotMessage message, string button)
    {
        await bot.Telegram.PressButtonAsync(curator, message, button);
        var edited = await bot.Telegram.WaitForEditAsync(curator.ChatId, m => m.MessageId == message.MessageId);
        return edited;
    }
}
