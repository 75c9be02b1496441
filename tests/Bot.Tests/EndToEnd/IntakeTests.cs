using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CollegeBot.Bot.Intake;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Tests.Support;
using CollegeBot.FakeTelegram;
using Tg = CollegeBot.Bot.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>Updates are stored before they are confirmed and handled exactly once, whatever fails.</summary>
public sealed class IntakeTests
{
    [Fact]
    public async Task An_update_stored_but_not_handled_when_the_program_stopped_is_handled_once_after_a_restart()
    {
        await using var bot = await BotHarness.CreateAsync();
        var gate = new Gate();
        bot.WithServices(s => s.AddScoped<ICommand, GatedCommand>().AddSingleton(_ => gate));
        await bot.StartBotAsync();
        var user = bot.Telegram.CreateUser("Crash", "en");
        var sent = await bot.Telegram.SendTextAsync(user, "/gated");

        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await bot.Telegram.WaitForUpdatesConfirmedAsync();
        await bot.StopBotAsync(); // the handler is cut off mid-way, as by a crash

        Assert.Equal(0, bot.Telegram.SentCount(user.ChatId));
        var stored = await bot.QueryAsync(db => db.Inbox.AsNoTracking().SingleAsync(i => i.UpdateId == sent.UpdateId));
        Assert.Null(stored.HandledAt);
        Assert.False(await bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == "half-written")));

        gate = Gate.Open();
        await bot.StartBotAsync();
        var reply = await bot.Telegram.WaitForMessageAsync(user.ChatId, m => m.Text!.StartsWith("Done"));

        Assert.Equal("Done: I will write to you in English.", reply.Text);
        await Task.Delay(300);
        Assert.Equal(2, bot.Telegram.SentCount(user.ChatId)); // the gated command's two messages, once each
        Assert.NotNull((await bot.QueryAsync(db => db.Inbox.AsNoTracking().SingleAsync(i => i.UpdateId == sent.UpdateId))).HandledAt);
        Assert.Equal(1, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "half-written")));
    }

    [Fact]
    public async Task The_database_is_created_on_first_start_in_wal_mode_with_a_busy_timeout()
    {
        await using var bot = await BotHarness.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"collegebot-fresh-{Guid.NewGuid():N}", "data", "college.db");
        bot.WithSetting($"ConnectionStrings:College=Data Source={file}");
        await bot.StartBotAsync();

        Assert.True(File.Exists(file));
        await using var db = bot.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<Domain.Persistence.CollegeDb>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout";
        Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync()) >= 5000);
        await bot.StopBotAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(file))!, recursive: true);
    }

    [Fact]
    public async Task A_handler_that_throws_costs_an_apology_and_the_loop_goes_on()
    {
        await using var bot = await BotHarness.CreateAsync();
        bot.WithServices(s => s.AddScoped<ICommand, BoomCommand>());
        await bot.StartBotAsync();
        var user = bot.Telegram.CreateUser("Boom", "ru");

        var apology = await bot.AskAsync(user, "/boom");
        var after = await bot.AskAsync(user, "/start");

        Assert.Contains("Извините, у меня что-то пошло не так", apology.Text);
        Assert.Contains("ссылка-приглашение", after.Text);
        var failed = await bot.QueryAsync(db => db.Inbox.AsNoTracking().SingleAsync(i => i.Error != null));
        Assert.Contains("boom on purpose", failed.Error);
        Assert.NotNull(failed.HandledAt);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Error") && l.Contains($"update {failed.UpdateId}") && l.Contains("boom on purpose"));
    }

    [Fact]
    public async Task Updates_handled_in_one_batch_keep_their_work_when_one_between_them_fails_after_saving()
    {
        await using var bot = await BotHarness.CreateAsync();
        bot.WithServices(s => s.AddScoped<ICommand, SavesThenFailsCommand>());
        var before = bot.Telegram.CreateUser("Before", "en");
        var failing = bot.Telegram.CreateUser("Failing", "en");
        var after = bot.Telegram.CreateUser("After", "en");

        // Waiting before the bot starts, so one getUpdates brings all three and they are handled in one batch.
        await bot.Telegram.SendTextAsync(before, "/start");
        await bot.Telegram.SendTextAsync(failing, "/savesthenfails");
        await bot.Telegram.SendTextAsync(after, "/start");
        await bot.StartBotAsync();

        Assert.Contains("personal invite link", (await bot.Telegram.WaitForMessageAsync(before.ChatId)).Text);
        Assert.Contains("Sorry", (await bot.Telegram.WaitForMessageAsync(failing.ChatId)).Text);
        Assert.Contains("personal invite link", (await bot.Telegram.WaitForMessageAsync(after.ChatId)).Text);
        Assert.False(await bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == "half-written")));
        var inbox = await bot.QueryAsync(db => db.Inbox.AsNoTracking().OrderBy(i => i.UpdateId).ToListAsync());
        Assert.Equal(3, inbox.Count);
        Assert.All(inbox, i => Assert.NotNull(i.HandledAt));
        Assert.Equal([null, "InvalidOperationException: failed after saving, on purpose", null], inbox.Select(i => i.Error));
    }

    [Fact]
    public async Task A_person_without_the_role_is_refused_politely_and_nothing_runs()
    {
        await using var bot = await BotHarness.CreateAsync();
        bot.WithServices(s => s.AddScoped<ICommand, AdminOnlyCommand>());
        await bot.StartBotAsync();
        var student = await bot.LinkAsync(BotHarness.StudentCode);

        var reply = await bot.AskAsync(student, "/adminonly");

        Assert.Contains("/adminonly", reply.Text);
        Assert.Contains("администратор", reply.Text);
        Assert.Contains("студент", reply.Text);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        var user = bot.Telegram.CreateUser("Twice", "en");
        var sent = await bot.Telegram.SendTextAsync(user, "/start");
        await bot.Telegram.WaitForMessageAsync(user.ChatId);

        // Telegram re-sends what it thinks was not confirmed; the inbox keeps one row per update_id.
        var writer = bot.Services.GetRequiredService<InboxWriter>();
        var update = new Tg.Update { UpdateId = sent.UpdateId, Message = new Tg.Message { MessageId = 1, Chat = new Tg.Chat { Id = user.ChatId, Type = "private" }, From = new Tg.User { Id = user.Id, FirstName = "Twice" }, Text = "/start" } };
        Assert.Equal(0, await writer.StoreAsync([update], CancellationToken.None));

        await Task.Delay(300);
        Assert.Equal(1, bot.Telegram.SentCount(user.ChatId));
    }

    [Fact]
    public async Task A_refused_token_stops_the_bot_with_a_sentence_about_the_token()
    {
        await using var bot = await BotHarness.CreateAsync();
        bot.WithSetting("Telegram:BotToken=123456789:WrongTokenWrongTokenWrongToken_xx");
        await bot.StartBotAsync();

        var stopping = bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }).WaitAsync(TimeSpan.FromSeconds(10));

        var reason = bot.Services.GetRequiredService<BotLifetime>().FailureReason;
        Assert.Contains("Telegram__BotToken", reason);
        Assert.DoesNotContain("WrongToken", bot.Logs.All);
    }

    [Fact]
    public async Task Another_instance_polling_is_explained_and_the_bot_keeps_trying()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        using var http = new HttpClient();
        var url = $"{bot.Telegram.BaseUrl}/bot{bot.Telegram.Token}/getUpdates";

        // A second poller with the same token makes Telegram end one of the two long polls with 409.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!bot.Logs.All.Contains("another copy of this bot") && DateTime.UtcNow < deadline)
        {
            await http.PostAsJsonAsync(url, new { timeout = 1 });
        }

        Assert.Contains("another copy of this bot", bot.Logs.All);
    }

    [Fact]
    public async Task A_dropped_connection_while_polling_is_retried_and_nothing_is_lost()
    {
        await using var bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        bot.Telegram.DropConnectionNext("getUpdates", times: 2);
        var user = bot.Telegram.CreateUser("Net", "en");

        var reply = await bot.AskAsync(user, "/start");

        Assert.Contains("personal invite link", reply.Text);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Warning") && l.Contains("Polling failed"));
    }

    [Fact]
    public async Task In_webhook_mode_updates_with_the_secret_are_stored_once_and_others_are_rejected()
    {
        await using var bot = await BotHarness.CreateAsync();
        var port = FreePort();
        bot.WithSetting("Telegram:Mode=Webhook")
            .WithSetting($"Telegram:WebhookUrl=https://bot.example.kg/telegram/hook")
            .WithSetting("Telegram:WebhookSecret=s3cret_value-1")
            .WithSetting($"urls=http://127.0.0.1:{port}");
        await bot.StartBotAsync();
        await LinkingTests.WaitUntilAsync(() => bot.Telegram.WebhookUrl == "https://bot.example.kg/telegram/hook");
        Assert.Equal("s3cret_value-1", bot.Telegram.WebhookSecretToken);

        var user = bot.Telegram.CreateUser("Hook", "en");
        var update = new
        {
            update_id = 900001,
            message = new { message_id = 5, date = 1_790_000_000, text = "/start", chat = new { id = user.ChatId, type = "private" }, from = new { id = user.Id, is_bot = false, first_name = "Hook", language_code = "en" }, entities = new[] { new { type = "bot_command", offset = 0, length = 6 } } },
        };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
        wrong.Headers.Add(WebhookIntake.SecretHeader, "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        for (var i = 0; i < 2; i++)
        {
            using var right = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
            right.Headers.Add(WebhookIntake.SecretHeader, "s3cret_value-1");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
        }

        var reply = await bot.Telegram.WaitForMessageAsync(user.ChatId);
        Assert.Contains("personal invite link", reply.Text);
        await Task.Delay(300);
        Assert.Equal(1, bot.Telegram.SentCount(user.ChatId));
        Assert.Empty(bot.Telegram.RequestsFor("getUpdates"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
