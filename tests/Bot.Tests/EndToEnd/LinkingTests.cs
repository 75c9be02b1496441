using CollegeBot.Domain.People;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>People link their Telegram account with a personal invite; everything else refuses politely.</summary>
public sealed class LinkingTests : IAsyncLifetime
{
    private BotHarness bot = null!;

    public async Task InitializeAsync() => bot = await (await BotHarness.CreateAsync()).StartBotAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_good_code_links_the_account_and_welcomes_the_person_in_their_language()
    {
        var user = bot.Telegram.CreateUser("Aigerim", languageCode: "en");
        await bot.Telegram.SendTextAsync(user, "/start " + await bot.InviteAsync(BotHarness.StudentCode));

        var welcome = await bot.Telegram.WaitForMessageAsync(user.ChatId);
        Assert.Contains("Кош келиңиз, Айгерим Маратова!", welcome.Text); // the roster says ky, which wins over Telegram's en
        Assert.Contains("студент", welcome.Text);
        var person = await bot.PersonAsync(BotHarness.StudentCode);
        Assert.Equal(user.Id, person.TelegramUserId);
        Assert.Equal(user.ChatId, person.ChatId);
    }

    [Fact]
    public async Task Linking_sets_a_command_menu_with_exactly_the_commands_of_the_persons_roles()
    {
        var curator = await bot.LinkAsync(BotHarness.CuratorCode, "ru");
        await WaitUntilAsync(() => bot.Telegram.CommandsShownTo(curator).Count > 0);

        var menu = bot.Telegram.CommandsShownTo(curator).Select(c => c.Command).ToList();
        Assert.Equal(["absent", "caughtup", "group", "help", "language", "cancel"], menu);
        Assert.Equal("Что я умею", bot.Telegram.CommandsShownTo(curator)[3].Description);
    }

    [Fact]
    public async Task Help_lists_the_commands_of_the_callers_roles()
    {
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        var help = await bot.AskAsync(parent, "/help");

        Assert.Contains("Марат Токтогулов", help.Text);
        Assert.Contains("/help — Что я умею", help.Text);
        Assert.Contains("/language — Выбрать язык", help.Text);
        Assert.DoesNotContain("/start", help.Text);
    }

    [Fact]
    public async Task A_used_code_is_refused_and_changes_nothing()
    {
        var code = await bot.InviteAsync(BotHarness.StudentCode);
        var owner = bot.Telegram.CreateUser("Owner");
        await bot.Telegram.SendTextAsync(owner, "/start " + code);
        await bot.Telegram.WaitForMessageAsync(owner.ChatId);

        var other = bot.Telegram.CreateUser("Other", "en");
        var reply = await bot.AskAsync(other, "/start " + code);

        Assert.Contains("already been used", reply.Text);
        Assert.Equal(owner.Id, (await bot.PersonAsync(BotHarness.StudentCode)).TelegramUserId);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var code = await bot.InviteAsync(BotHarness.StudentCode);
        bot.Clock.Advance(TimeSpan.FromDays(31));
        var user = bot.Telegram.CreateUser("Late", "ru");

        var reply = await bot.AskAsync(user, "/start " + code);

        Assert.Contains("Срок действия этого кода истёк", reply.Text);
        Assert.Null((await bot.PersonAsync(BotHarness.StudentCode)).TelegramUserId);
    }

    [Fact]
    public async Task An_unknown_code_is_refused_in_the_language_of_the_telegram_app()
    {
        var user = bot.Telegram.CreateUser("Guess", "en");
        var reply = await bot.AskAsync(user, "/start abcdefghijklmnopqrstuv");
        Assert.Contains("I don't know this invite code", reply.Text);
    }

    [Fact]
    public async Task An_account_linked_to_one_person_cannot_take_another_persons_code()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var reply = await bot.AskAsync(student, "/start " + await bot.InviteAsync(BotHarness.ParentCode));

        Assert.Contains("башка адамга байланган", reply.Text);
        Assert.Null((await bot.PersonAsync(BotHarness.ParentCode)).TelegramUserId);
    }

    [Fact]
    public async Task Repeated_wrong_codes_from_one_account_are_slowed_down()
    {
        var user = bot.Telegram.CreateUser("Guesser", "en");
        for (var i = 0; i < 5; i++)
        {
            await bot.AskAsync(user, $"/start wrongcode{i}");
        }

        var good = await bot.InviteAsync(BotHarness.StudentCode);
        var reply = await bot.AskAsync(user, "/start " + good);

        Assert.Contains("Too many wrong codes", reply.Text);
        Assert.Null((await bot.PersonAsync(BotHarness.StudentCode)).TelegramUserId);

        bot.Clock.Advance(TimeSpan.FromMinutes(16));
        var later = await bot.AskAsync(user, "/start " + good);
        Assert.Contains("Кош келиңиз", later.Text);
    }

    [Fact]
    public async Task Start_without_a_code_tells_a_stranger_how_to_get_an_invite()
    {
        var stranger = bot.Telegram.CreateUser("Stranger", "en");
        var reply = await bot.AskAsync(stranger, "/start");
        Assert.Contains("personal invite link", reply.Text);
    }

    [Fact]
    public async Task A_stranger_is_refused_every_command_but_start_and_help()
    {
        var stranger = bot.Telegram.CreateUser("Stranger", "ru");
        Assert.Contains("Я вас пока не знаю", (await bot.AskAsync(stranger, "/language")).Text);
        Assert.Contains("ссылка-приглашение", (await bot.AskAsync(stranger, "/help")).Text);
        Assert.Contains("ссылка-приглашение", (await bot.AskAsync(stranger, "hello")).Text);
    }

    [Fact]
    public async Task An_unknown_command_and_plain_text_get_a_pointer_to_help()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        Assert.Contains("/frobnicate", (await bot.AskAsync(student, "/frobnicate now")).Text);
        Assert.Contains("/help", (await bot.AskAsync(student, "hello there")).Text);
    }

    [Fact]
    public async Task Language_buttons_switch_the_language_and_the_menu()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var chooser = await bot.AskAsync(student, "/language");
        Assert.Equal(["Кыргызча", "Русский", "English"], chooser.InlineKeyboard.SelectMany(r => r).Select(b => b.Text));

        var query = await bot.Telegram.PressButtonAsync(student, chooser, "English");

        var edited = await bot.Telegram.WaitForEditAsync(student.ChatId, m => m.MessageId == chooser.MessageId);
        Assert.Equal("Done: I will write to you in English.", edited.Text);
        await bot.Telegram.WaitForCallbackAnswerAsync(query);
        Assert.Equal("en", (await bot.PersonAsync(BotHarness.StudentCode)).Language);
        await WaitUntilAsync(() => bot.Telegram.CommandsShownTo(student).FirstOrDefault(c => c.Command == "help")?.Description == "What I can do for you");
        Assert.Contains("What I can do", (await bot.AskAsync(student, "/help")).Text);
    }

    [Fact]
    public async Task A_forged_language_button_changes_nothing()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var chooser = await bot.AskAsync(student, "/language");

        var query = await bot.Telegram.PressRawCallbackAsync(student, chooser.MessageId, "lang:xx");
        var answer = await bot.Telegram.WaitForCallbackAnswerAsync(query);

        Assert.NotNull(answer.Text);
        Assert.Equal("ky", (await bot.PersonAsync(BotHarness.StudentCode)).Language);
    }

    [Fact]
    public async Task Blocking_and_unblocking_the_bot_is_recorded()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);

        bot.Telegram.BlockBot(student);
        await WaitUntilAsync(async () => (await bot.PersonAsync(BotHarness.StudentCode)).BlockedAt is not null);

        bot.Telegram.UnblockBot(student);
        await WaitUntilAsync(async () => (await bot.PersonAsync(BotHarness.StudentCode)).BlockedAt is null);
    }

    [Fact]
    public async Task Messages_queued_before_linking_arrive_once_the_person_links()
    {
        await using (var db = bot.Database.NewDb())
        {
            var student = await db.People.SingleAsync(p => p.Code == BotHarness.StudentCode);
            var outbox = bot.OutboxFor(db);
            await outbox.EnqueueAsync(student, "test", Domain.Messaging.OutgoingMessage.Of(Domain.Messaging.Text.Of("not_a_command")), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var user = await bot.LinkAsync(BotHarness.StudentCode);

        var waiting = await bot.Telegram.WaitForMessageAsync(user.ChatId);
        Assert.Contains("/help", waiting.Text);
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 10 s.");
            await Task.Delay(20);
        }
    }
}
