using System.Net;
using System.Text;
using CollegeBot.FakeTelegram;
using CollegeBot.Tests.Support;

namespace CollegeBot.Bot.Tests.FakeServer;

public sealed class FakeServerFilesAndCallbacksTests : IAsyncLifetime
{
    private readonly FakeClock clock = new();
    private FakeBotApiServer server = null!;
    private RawBotClient client = null!;
    private FakeUser user = null!;

    public async Task InitializeAsync()
    {
        server = await FakeBotApiServer.StartAsync(new FakeServerOptions
        {
            TimeProvider = clock,
            PerChatPerSecond = 1000,
            PerChatBurst = 1000,
        });
        client = new RawBotClient(server);
        user = server.CreateUser("Aida", "ky");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[40];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    [Fact]
    public async Task A_multipart_document_can_be_fetched_back_with_getFile_and_downloaded()
    {
        var content = Encoding.UTF8.GetBytes("name;absences\nAida;3\n");
        var sent = await client.MultipartAsync("sendDocument",
            new Dictionary<string, string> { ["chat_id"] = $"{user.Id}", ["caption"] = "<b>Report</b>", ["parse_mode"] = "HTML" },
            "document", content, "report.csv", "text/csv");

        Assert.True(sent.Ok, sent.Body);
        var document = sent.Result!["document"]!;
        Assert.Equal("report.csv", document["file_name"]!.GetValue<string>());
        Assert.Equal("text/csv", document["mime_type"]!.GetValue<string>());
        Assert.Equal(content.Length, document["file_size"]!.GetValue<long>());
        Assert.Equal("Report", sent.Result["caption"]!.GetValue<string>());
        Assert.Equal("bold", sent.Result["caption_entities"]![0]!["type"]!.GetValue<string>());

        var file = await client.CallAsync("getFile", new { file_id = document["file_id"]!.GetValue<string>() });
        var path = file.Result!["file_path"]!.GetValue<string>();
        var downloaded = await client.Http.GetByteArrayAsync(client.Url($"file/bot{server.Token}/{path}"));
        var resent = await client.CallAsync("sendDocument", new { chat_id = user.Id, document = document["file_id"]!.GetValue<string>() });
        var unknown = await client.CallAsync("getFile", new { file_id = "nope" });

        Assert.Equal(content, downloaded);
        Assert.True(resent.Ok, resent.Body);
        Assert.Equal(document["file_id"]!.GetValue<string>(), resent.Result!["document"]!["file_id"]!.GetValue<string>());
        Assert.Equal("Bad Request: invalid file_id", unknown.Description);
        Assert.Equal("report.csv", server.MessagesIn(user.Id)[0].Document!.FileName);
    }

    [Fact]
    public async Task A_photo_has_two_sizes_and_an_overlong_caption_is_refused()
    {
        var photo = await client.MultipartAsync("sendPhoto", new Dictionary<string, string> { ["chat_id"] = $"{user.Id}" },
            "photo", Png(1280, 720), "p.png", "image/png");
        var longCaption = await client.MultipartAsync("sendPhoto",
            new Dictionary<string, string> { ["chat_id"] = $"{user.Id}", ["caption"] = new string('x', 1025) },
            "photo", Png(10, 10), "p.png", "image/png");
        var nothing = await client.CallAsync("sendPhoto", new { chat_id = user.Id });

        Assert.True(photo.Ok, photo.Body);
        var sizes = photo.Result!["photo"]!.AsArray();
        Assert.Equal(2, sizes.Count);
        Assert.Equal(1280, sizes[1]!["width"]!.GetValue<int>());
        Assert.Equal(720, sizes[1]!["height"]!.GetValue<int>());
        Assert.Equal("Bad Request: message caption is too long", longCaption.Description);
        Assert.Equal("Bad Request: there is no photo in the request", nothing.Description);
    }

    [Fact]
    public async Task Files_a_user_sends_can_be_downloaded_by_the_bot()
    {
        await server.SendDocumentAsync(user, [1, 2, 3], "note.pdf", "application/pdf", "my note");
        await server.SendPhotoAsync(user, Png(640, 480));
        await server.SendContactAsync(user, "+996700123456");

        var updates = await client.GetUpdatesAsync();
        var fileId = updates[0]!["message"]!["document"]!["file_id"]!.GetValue<string>();
        var file = await client.CallAsync("getFile", new { file_id = fileId });
        var bytes = await client.Http.GetByteArrayAsync(client.Url($"file/bot{server.Token}/{file.Result!["file_path"]!.GetValue<string>()}"));
        var wrongToken = await client.Http.GetAsync(client.Url($"file/bot123:bad/{file.Result["file_path"]!.GetValue<string>()}"));

        Assert.Equal([1, 2, 3], bytes);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal("my note", updates[0]!["message"]!["caption"]!.GetValue<string>());
        Assert.Equal(640, updates[1]!["message"]!["photo"]![1]!["width"]!.GetValue<int>());
        Assert.Equal(user.Id, updates[2]!["message"]!["contact"]!["user_id"]!.GetValue<long>());
        Assert.Equal("+996700123456", updates[2]!["message"]!["contact"]!["phone_number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pressing_a_button_queues_a_callback_query_that_must_be_answered_in_time()
    {
        await client.SendTextAsync(user.Id, "Present?", replyMarkup: new { inline_keyboard = new[] { new[] { new { text = "Yes", callback_data = "att:1:y" } } } });
        var message = await server.WaitForMessageAsync(user.Id);

        var queryId = await server.PressButtonAsync(user, message, "Yes");
        var updates = await client.GetUpdatesAsync();
        var answered = await client.CallAsync("answerCallbackQuery", new { callback_query_id = queryId, text = "Saved", show_alert = true });
        var twice = await client.CallAsync("answerCallbackQuery", new { callback_query_id = queryId });

        var query = updates.Single()!["callback_query"]!;
        Assert.Equal(queryId, query["id"]!.GetValue<string>());
        Assert.Equal("att:1:y", query["data"]!.GetValue<string>());
        Assert.Equal(message.MessageId, query["message"]!["message_id"]!.GetValue<int>());
        Assert.Equal(user.Id, query["from"]!["id"]!.GetValue<long>());
        Assert.NotNull(query["chat_instance"]);
        Assert.True(answered.Ok);
        Assert.Equal(400, twice.ErrorCode);
        var answer = Assert.Single(server.CallbackAnswers);
        Assert.Equal(("Saved", true, "att:1:y"), (answer.Text, answer.ShowAlert, answer.Data));
        Assert.Equal(answer, await server.WaitForCallbackAnswerAsync(queryId));
    }

    [Fact]
    public async Task A_callback_answered_after_the_deadline_or_unknown_is_too_old()
    {
        await client.SendTextAsync(user.Id, "Pick", replyMarkup: new { inline_keyboard = new[] { new[] { new { text = "A", callback_data = "a" } } } });
        var late = await server.PressButtonAsync(user, 1, "a");
        clock.Advance(TimeSpan.FromSeconds(16));

        var tooLate = await client.CallAsync("answerCallbackQuery", new { callback_query_id = late });
        var forged = await server.PressRawCallbackAsync(user, 1, "admin:drop-all");
        var unknown = await client.CallAsync("answerCallbackQuery", new { callback_query_id = "123" });

        const string TooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        Assert.Equal(TooOld, tooLate.Description);
        Assert.Equal(TooOld, unknown.Description);
        Assert.Equal("admin:drop-all", (await client.GetUpdatesAsync())[1]!["callback_query"]!["data"]!.GetValue<string>());
        Assert.NotEqual(late, forged);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.PressButtonAsync(user, 1, "B"));
    }

    [Fact]
    public async Task Commands_are_validated_and_kept_per_scope_and_language()
    {
        var good = await client.CallAsync("setMyCommands", new { commands = new[] { new { command = "start", description = "Start" }, new { command = "caught_up", description = "Caught up" } } });
        var kyrgyz = await client.CallAsync("setMyCommands", new { commands = new[] { new { command = "start", description = "Баштоо" } }, language_code = "ky" });
        var chat = await client.CallAsync("setMyCommands", new { commands = new[] { new { command = "admin", description = "Admin" } }, scope = new { type = "chat", chat_id = user.Id } });
        var bad = await client.CallAsync("setMyCommands", new { commands = new[] { new { command = "Start", description = "x" } } });
        var read = await client.CallAsync("getMyCommands", new { language_code = "ky" });

        Assert.True(good.Ok && kyrgyz.Ok && chat.Ok);
        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", bad.Description);
        Assert.Equal(["start", "caught_up"], server.CommandsFor(CommandScopes.Default).Select(c => c.Command));
        Assert.Equal("Баштоо", server.CommandsFor(CommandScopes.Default, "ky").Single().Description);
        Assert.Equal("admin", server.CommandsFor(CommandScopes.Chat(user.Id)).Single().Command);
        Assert.Equal("admin", server.CommandsShownTo(user).Single().Command);
        Assert.Equal("Баштоо", read.Result![0]!["description"]!.GetValue<string>());

        await client.CallAsync("deleteMyCommands", new { scope = new { type = "chat", chat_id = user.Id } });
        Assert.Equal("Баштоо", server.CommandsShownTo(user).Single().Description);
    }
}
