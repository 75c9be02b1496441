using CollegeBot.Domain.Messaging;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>
/// The scheduled jobs end to end: a job run on the harness clock queues its notifications and the dispatcher delivers
/// them, in each person's language, to the fake Telegram server.
/// </summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private BotHarness bot = null!;
    private FakeUser curator = null!;
    private FakeUser student = null!;

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek. 20 November + 14 days: due Friday 4 December.
    public async Task InitializeAsync()
    {
        bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        curator = await bot.LinkAsync(BotHarness.CuratorCode, "ru");
        student = await bot.LinkAsync(BotHarness.StudentCode);
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task The_student_is_reminded_before_the_due_date_and_everyone_hears_when_it_is_overdue()
    {
        var parent = await bot.LinkAsync(BotHarness.SecondParentCode);
        await RecordAsync("/absent S1001 4 2026-11-20 Математика");
        await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.Contains("missed"));

        At("2026-12-01 09:00");
        Assert.Equal(1, await bot.RunJobAsync("CatchUpReminders"));
        var reminder = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('⏰'));

        At("2026-12-05 09:00");
        Assert.Equal(4, await bot.RunJobAsync("CatchUpReminders")); // the student, both parents (one not linked yet), the curator
        var toStudent = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('⏰'));
        var toParent = await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.StartsWith('⏰'));
        var toCurator = await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.StartsWith('⏰'));

        Assert.Equal("⏰ Эскертүү: жума 20 ноя. 2026 күнү калтырган 4 саат сабагыңызды (Математика) жума 4 дек., 3 күндөн кийин чейин толуктаңыз.", reminder.Text);
        Assert.StartsWith("⏰ Мөөнөтү өттү: жума 20 ноя. 2026 күнү калтырган 4 саат сабагыңызды (Математика) жума 4 дек., кечээ чейин", toStudent.Text);
        Assert.Equal("⏰ Overdue: Айгерим Маратова has not made up the 4 hours missed on Fri 20 Nov 2026 (Математика); it was due by Fri 4 Dec, yesterday. Please talk with your child and the curator.", toParent.Text);
        Assert.Equal("⏰ Просрочено: Айгерим Маратова (IT-1-23) не отработал(а) 4 часа, пропущенные пт 20 нояб. 2026 (Математика); срок был пт 4 дек., вчера. Когда отработает: /caughtup S1001 2026-11-20", toCurator.Text);
    }

    [Fact]
    public async Task Quiet_hours_hold_a_reminder_until_morning_while_a_direct_reply_is_not_held()
    {
        await RecordAsync("/absent S1001 4 2026-11-20");
        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith("📋"));

        At("2026-12-01 06:30");
        Assert.Equal(1, await bot.RunJobAsync("CatchUpReminders"));
        var help = await bot.AskAsync(student, "/help");
        var held = await bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Kind == "catchup.reminder"));

        Assert.Contains("/my", help.Text);
        Assert.Equal(OutboxStatus.Pending, held.Status);
        Assert.Equal(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), held.NotBefore); // 08:00 in Bishkek

        At("2026-12-01 08:00");
        var reminder = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('⏰'));
        Assert.Contains("3 күндөн кийин", reminder.Text);
    }

    [Fact]
    public async Task The_curator_gets_a_quiet_weekly_digest_with_the_people_to_call()
    {
        await RecordAsync("/absent S1001 4 2026-11-23 Математика");
        await RecordAsync("/absent S1002 2 2026-11-10");

        At("2026-11-30 08:30");
        Assert.Equal(1, await bot.RunJobAsync("CuratorDigest"));
        var digest = await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.StartsWith("📊"));

        Assert.True(digest.DisableNotification);
        Assert.StartsWith("📊 Сводка за неделю: пн 23 нояб. 2026 – вс 29 нояб. 2026\n\n📁 IT-1-23\nПропуски за прошлую неделю:\n• Айгерим Маратова — пн 23 нояб. 2026 (Математика), 4 ч, без уважительной", digest.Text);
        Assert.Contains("⏰ Бакыт Асанов — вт 10 нояб. 2026, 2 ч — просрочено, срок был вт 24 нояб., 6 дней назад", digest.Text);
        Assert.Contains("• Бакыт Асанов (студент), — — не привязал(а) Telegram", digest.Text);
        Assert.Contains("• Марат Токтогулов (родитель: Айгерим Маратова, Бакыт Асанов), +996700111222 — не привязал(а) Telegram", digest.Text);
        Assert.Contains("• Gulnara Maratova (родитель: Айгерим Маратова), +996700333444 — не привязал(а) Telegram", digest.Text);
        Assert.DoesNotContain("Айгерим Маратова (студент)", digest.Text); // linked
        Assert.DoesNotContain("Eldar Sydykov", digest.Text); // another group
    }

    private void At(string bishkek) =>
        bot.Clock.Now = new DateTimeOffset(DateTime.Parse(bishkek, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(6));

    private Task<BotMessage> RecordAsync(string command) => bot.AskAsync(curator, command);
}
