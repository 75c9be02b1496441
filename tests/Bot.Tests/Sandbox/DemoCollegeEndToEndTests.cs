using CollegeBot.Bot.Sandbox;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Tests.EndToEnd;
using CollegeBot.FakeTelegram;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Bot.Tests.Sandbox;

/// <summary>
/// The demo college under the real bot and the fake Bot API server, as the sandbox runs it: every view has content at
/// once, nothing old is sent, and the scheduled jobs find what the walk-through shows.
/// </summary>
public sealed class DemoCollegeEndToEndTests : IAsyncLifetime
{
    private readonly Dictionary<string, FakeUser> users = [];
    private BotHarness bot = null!;

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek.
    public async Task InitializeAsync()
    {
        const string noOne = "role,code,full_name,group,phone,language,students";
        bot = await (await BotHarness.CreateAsync(roster: noOne)).WithServices(s => s.AddScoped<DemoCollege>()).StartBotAsync();

        // The excuses' proof by a file id the server knows, as the sandbox gets one: the photo uploaded once.
        var keeper = bot.Telegram.CreateUser("Photo keeper");
        var client = bot.Services.GetRequiredService<BotApiClient>();
        var uploaded = await client.SendPhotoAsync(
            new SendPhotoRequest(keeper.ChatId, InputFile.FromBytes(DemoCollege.SamplePhoto, "sample-excuse.png")), CancellationToken.None);

        await using var scope = bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoCollege>().SeedAsync(
            person => (users[person.Code] = bot.Telegram.CreateUser(person.Code)).Id, uploaded.Photo.Largest()!.FileId, CancellationToken.None);
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Every_view_has_content_from_the_first_minute_and_nothing_old_is_sent()
    {
        var group = await bot.AskAsync(users["T1001"], "/group");
        Assert.Contains("IT-1-24", group.Text);
        Assert.Contains("Даниил Ким — 10 ч", group.Text);
        Assert.Contains("⏰", group.Text);
        Assert.NotEmpty(group.Buttons);

        var my = await bot.AskAsync(users["S1001"], "/my");
        Assert.Contains("6", my.Text);

        var children = await bot.AskAsync(users["P1001"], "/child");
        Assert.Contains("Айгерим Токтогулова", children.Text);
        Assert.Contains("Нургуль Токтогулова", children.Text);

        var pending = await bot.AskAsync(users["M1002"], "/pending");
        Assert.StartsWith("📥 Ждут вашей оценки 9 записей", pending.Text);

        // Only the answers came: none of the history's messages was sent.
        Assert.Empty(bot.Telegram.MessagesIn(users["S1004"].ChatId));
        Assert.Empty(bot.Telegram.MessagesIn(users["V1001"].ChatId));
    }

    [Fact]
    public async Task The_jobs_find_the_waiting_excuse_the_overdue_catch_up_the_silent_mentor_and_the_silent_student()
    {
        await bot.RunJobAsync("ExcuseReminders");
        var curator = users["T1001"].ChatId;
        Assert.NotNull((await bot.Telegram.WaitForMessageAsync(curator, m => m.Photo is not null)).Photo);
        var excuse = await bot.Telegram.WaitForMessageAsync(curator, m => m.Text!.Contains("Чынара Бекова"));
        Assert.Equal(2, excuse.Buttons.Count());

        await bot.RunJobAsync("CatchUpReminders");
        Assert.StartsWith("⏰ Просрочено", (await bot.Telegram.WaitForMessageAsync(users["S1004"].ChatId)).Text);

        await bot.RunJobAsync("ReviewReminders");
        Assert.Contains("Тимур Осмонов", (await bot.Telegram.WaitForMessageAsync(users["M1002"].ChatId)).Text);
        Assert.Contains("Ольга Смирнова", (await bot.Telegram.WaitForMessageAsync(users["V1001"].ChatId)).Text);

        await bot.RunJobAsync("DiaryReminders");
        Assert.StartsWith("📔", (await bot.Telegram.WaitForMessageAsync(users["S2003"].ChatId)).Text);

        // The next morning: the practice ends that day, and a catch-up is due in 3 days.
        bot.Clock.Advance(TimeSpan.FromHours(18));
        await bot.RunJobAsync("PlacementEnd");
        Assert.Contains("Тимур Осмонов", (await bot.Telegram.WaitForMessageAsync(users["M1002"].ChatId, m => m.Text!.StartsWith("🏁"))).Text);
        await bot.RunJobAsync("CatchUpReminders");
        Assert.StartsWith("⏰ Напоминание", (await bot.Telegram.WaitForMessageAsync(users["S1002"].ChatId)).Text);
    }
}
