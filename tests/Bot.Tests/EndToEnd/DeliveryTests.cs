using CollegeBot.Bot.Tests.Support;
using CollegeBot.Domain.Messaging;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>The dispatcher sends every queued message exactly once, or records why it could not.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_429_pauses_sending_and_the_same_message_is_sent_once_afterwards()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        bot.Telegram.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);

        await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        var message = await bot.Telegram.WaitForMessageAsync(student.ChatId);

        Assert.Contains("/help", message.Text);
        var sends = bot.Telegram.RequestsFor("sendMessage").Where(r => r.ChatId == student.ChatId).ToList();
        Assert.Equal([200, 429, 200], sends.Select(r => r.HttpStatus)); // the welcome, the 429, the retry
        Assert.True(sends[2].Time - sends[1].Time >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_burst_beyond_telegrams_limits_is_delivered_exactly_once_despite_the_429s()
    {
        await using var bot = await BotHarness.CreateAsync(new FakeServerOptions { PerChatPerSecond = 2, PerChatBurst = 2, GlobalPerSecond = 6 });
        await bot.StartBotAsync(); // the harness lets the bot send far faster than this fake allows
        var users = new[] { await bot.LinkAsync(BotHarness.StudentCode), await bot.LinkAsync(BotHarness.ParentCode) };

        for (var i = 0; i < 8; i++)
        {
            await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
            await QueueAsync(bot, BotHarness.ParentCode, "not_a_command");
        }

        await LinkingTests.WaitUntilAsync(async () => await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "test" && o.Status == OutboxStatus.Sent)) == 16);
        await Task.Delay(300);
        Assert.True(bot.Telegram.TooManyRequestsCount > 0, "the burst should have met Telegram's limits");
        Assert.All(users, u => Assert.Equal(9, bot.Telegram.SentCount(u.ChatId))); // the welcome and eight, each once
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_and_not_sent_to_again()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        bot.Telegram.Forbid(student.ChatId);

        var first = await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, first)).Status == OutboxStatus.Blocked);
        var second = await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, second)).Status == OutboxStatus.Blocked);

        Assert.Contains("blocked", (await RowAsync(bot, first)).LastError);
        Assert.NotNull((await bot.PersonAsync(BotHarness.StudentCode)).BlockedAt);
        Assert.Single(bot.Telegram.RequestsFor("sendMessage"), r => r.HttpStatus == 403); // the second was never tried
    }

    [Fact]
    public async Task The_curator_hears_once_who_blocked_the_bot_with_their_phone()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var curator = await bot.LinkAsync(BotHarness.CuratorCode, "ru");
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        bot.Telegram.Forbid(student.ChatId);

        await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        var notice = await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("заблокировал"));

        Assert.Contains("Айгерим Маратова (студент)", notice.Text);
        Assert.Contains("+996555123456", notice.Text);
        await LinkingTests.WaitUntilAsync(async () => await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "test" && o.Status == OutboxStatus.Blocked)) == 2);
        await Task.Delay(300);
        Assert.Single(bot.Telegram.MessagesIn(curator.ChatId), m => m.Text!.Contains("заблокировал"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_back_off_and_finally_recorded_as_failed()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        bot.Telegram.FailNextWithNonJson("sendMessage", 502, times: 1);
        bot.Telegram.FailNext("sendMessage", 500, "Internal Server Error", times: 1);

        var id = await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, id)).Attempts == 1);
        bot.Clock.Advance(TimeSpan.FromSeconds(3)); // past the first back-off
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, id)).Attempts == 2);
        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.Contains("/help"));
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, id)).Status == OutboxStatus.Sent);

        bot.Telegram.FailNext("sendMessage", 500, "Internal Server Error", times: 10);
        var doomed = await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, doomed)).Attempts == attempt);
            bot.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(bot, doomed)).Status == OutboxStatus.Failed);
        Assert.Contains("500", (await RowAsync(bot, doomed)).LastError);
    }

    [Fact]
    public async Task A_chat_that_moved_is_followed_to_its_new_id()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        bot.Telegram.FailNext("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: student.ChatId);
        await using (var db = bot.Database.NewDb())
        {
            await db.People.Where(p => p.Code == BotHarness.StudentCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.ChatId, -100));
        }

        await QueueAsync(bot, BotHarness.StudentCode, "not_a_command");
        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.Contains("/help"));

        Assert.Equal(student.ChatId, (await bot.PersonAsync(BotHarness.StudentCode)).ChatId);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_batch_sends_nothing_twice()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var users = new[] { await bot.LinkAsync(BotHarness.StudentCode), await bot.LinkAsync(BotHarness.ParentCode), await bot.LinkAsync(BotHarness.CuratorCode) };
        bot.Telegram.SetDelay(TimeSpan.FromMilliseconds(60), "sendMessage");

        foreach (var code in new[] { BotHarness.StudentCode, BotHarness.ParentCode, BotHarness.CuratorCode })
        {
            for (var i = 0; i < 10; i++)
            {
                await QueueAsync(bot, code, "not_a_command");
            }
        }

        await LinkingTests.WaitUntilAsync(() => users.Sum(u => bot.Telegram.SentCount(u.ChatId)) >= 3 + 6);
        await bot.StopBotAsync();
        Assert.True(users.Sum(u => bot.Telegram.SentCount(u.ChatId)) < 33, "the stop came too late to test anything");
        await bot.StartBotAsync();

        await LinkingTests.WaitUntilAsync(() => users.Sum(u => bot.Telegram.SentCount(u.ChatId)) >= 33);
        await Task.Delay(500);
        Assert.All(users, u => Assert.Equal(11, bot.Telegram.SentCount(u.ChatId)));
        Assert.Equal(30, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "test" && o.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task A_long_message_arrives_in_pieces_that_fit_telegram()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var lines = Enumerable.Range(1, 300).Select(i => Text.Of("help.line").With("command", $"c{i}").With("description", new string('x', 30) + "<&>"));

        await QueueAsync(bot, BotHarness.StudentCode, OutgoingMessage.Of([.. lines]));

        var pieces = new List<BotMessage> { await bot.Telegram.WaitForMessageAsync(student.ChatId) };
        while (!pieces[^1].Text!.EndsWith("/c300 — " + new string('x', 30) + "<&>", StringComparison.Ordinal))
        {
            pieces.Add(await bot.Telegram.WaitForMessageAsync(student.ChatId));
        }

        Assert.StartsWith("/c1 — ", pieces[0].Text);
        Assert.InRange(pieces.Count, 2, 5);
        Assert.All(pieces, m => Assert.True(m.Text!.Length <= 4096));
        Assert.Equal(300, pieces.Sum(p => p.Text!.Split('\n').Length));
    }

    private static Task<long> QueueAsync(BotHarness bot, string code, string key) => QueueAsync(bot, code, OutgoingMessage.Of(Text.Of(key)));

    private static async Task<long> QueueAsync(BotHarness bot, string code, OutgoingMessage message)
    {
        await using var db = bot.Database.NewDb();
        var person = await db.People.SingleAsync(p => p.Code == code);
        await bot.OutboxFor(db).EnqueueAsync(person, "test", message, CancellationToken.None);
        await db.SaveChangesAsync();
        return db.Outbox.Local.Single().Id;
    }

    private static Task<OutboxMessage> RowAsync(BotHarness bot, long id) =>
        bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id));
}
