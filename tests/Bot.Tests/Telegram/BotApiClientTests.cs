using System.Buffers.Binary;
using System.Diagnostics;
using CollegeBot.Bot.Telegram;
using CollegeBot.FakeTelegram;
using CollegeBot.Tests.Support;

namespace CollegeBot.Bot.Tests.Telegram;

/// <summary>
/// The real <see cref="BotApiClient"/>, registered by <c>AddTelegramClient</c>, against the fake Bot API server on
/// 127.0.0.1: every method succeeding, and every kind of failure as the client surfaces it.
/// </summary>
public sealed class BotApiClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // ---------------------------------------------------------------- getMe, getUpdates

    [Fact]
    public async Task GetMe_returns_the_bot_itself()
    {
        await using var t = await ClientAndServer.StartAsync();

        var me = await t.Client.GetMeAsync(None);

        Assert.Equal(t.Server.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(t.Server.BotUsername, me.Username);
        Assert.Equal("College Test Bot", me.FirstName);
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API getMe: ok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetUpdates_returns_what_users_sent_and_the_next_offset_confirms_it()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida", languageCode: "ky");
        var first = await t.Server.SendTextAsync(aida, "/start");
        var second = await t.Server.SendTextAsync(aida, "Салам");

        var updates = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None);

        Assert.Equal([first.UpdateId, second.UpdateId], updates.Select(u => u.UpdateId));
        Assert.All(updates, u => Assert.Equal(UpdateType.Message, u.Kind));
        Assert.Equal(["/start", "Салам"], updates.Select(u => u.Message!.Text));
        Assert.Equal(aida.Id, updates[0].From!.Id);
        Assert.Equal("ky", updates[0].From!.LanguageCode);
        Assert.Equal(aida.ChatId, updates[0].Chat!.Id);
        Assert.True(updates[0].Chat!.IsPrivate);
        var command = Assert.Single(updates[0].Message!.Entities!);
        Assert.Equal(("bot_command", 0, 6), (command.Type, command.Offset, command.Length));

        // Not confirmed yet: asking again without an offset gives the same updates.
        var again = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None);
        Assert.Equal(updates.Select(u => u.UpdateId), again.Select(u => u.UpdateId));

        var confirmed = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Offset = second.UpdateId + 1, Timeout = 0 }, None);

        Assert.Empty(confirmed);
        Assert.Equal(second.UpdateId + 1, t.Server.LastConfirmedOffset);
        Assert.Equal(0, t.Server.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_with_a_limit_returns_only_that_many()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        for (var i = 0; i < 3; i++)
        {
            await t.Server.SendTextAsync(aida, $"m{i}");
        }

        var updates = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Limit = 2, Timeout = 0 }, None);

        Assert.Equal(["m0", "m1"], updates.Select(u => u.Message!.Text));
    }

    [Fact]
    public async Task GetUpdates_with_allowed_updates_gets_only_those_kinds()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var menu = await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "?") { ReplyMarkup = Buttons(("Да", "y")) }, None);
        await t.Server.SendTextAsync(aida, "text");
        var press = await t.Server.PressButtonAsync(aida, menu.MessageId, "Да");

        var updates = await t.Client.GetUpdatesAsync(
            new GetUpdatesRequest { Timeout = 0, AllowedUpdates = [UpdateType.CallbackQuery] }, None);

        var update = Assert.Single(updates);
        Assert.Equal(press, update.CallbackQuery!.Id);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_a_user_writes()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");

        var poll = t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 20 }, None);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted, "With nothing to give, a long poll must wait rather than answer at once.");

        var watch = Stopwatch.StartNew();
        var sent = await t.Server.SendTextAsync(aida, "Кайда сабак?");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"The poll took {watch.Elapsed} after the message.");
        var update = Assert.Single(updates);
        Assert.Equal(sent.UpdateId, update.UpdateId);
        Assert.Equal("Кайда сабак?", update.Message!.Text);
    }

    [Fact]
    public async Task A_long_poll_may_last_longer_than_the_request_timeout()
    {
        await using var t = await ClientAndServer.StartAsync(requestTimeoutSeconds: 1);

        var watch = Stopwatch.StartNew();
        var updates = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 2 }, None);

        Assert.Empty(updates);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.8), $"The poll ended after {watch.Elapsed}, before its own timeout.");
    }

    // ---------------------------------------------------------------- sendMessage, edits, callbacks

    [Fact]
    public async Task SendMessage_with_HTML_and_an_inline_keyboard_arrives_as_sent()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var keyboard = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Да", "absence:yes:17"), InlineKeyboardButton.WithUrl("Сайт", "https://college.example.kg/")],
            [InlineKeyboardButton.WithCallbackData("Нет", "absence:no:17")],
        ]);

        var sent = await t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "<b>Расписание</b> на &lt;понедельник&gt; — <a href=\"https://college.example.kg/s\">ссылка</a>")
            {
                ParseMode = ParseMode.Html,
                ReplyMarkup = keyboard,
                DisableNotification = true,
                LinkPreviewOptions = LinkPreviewOptions.Disabled,
            },
            None);

        // The answer, as the client read it.
        Assert.Equal(aida.ChatId, sent.Chat.Id);
        Assert.Equal(t.Server.BotId, sent.From!.Id);
        Assert.Equal("Расписание на <понедельник> — ссылка", sent.Text);
        Assert.Contains(sent.Entities!, e => e is { Type: "bold", Offset: 0, Length: 10 });
        Assert.Contains(sent.Entities!, e => e.Type == "text_link" && e.Url == "https://college.example.kg/s");
        Assert.Equal(keyboard.InlineKeyboard.Select(r => r.Select(b => (b.Text, b.CallbackData, b.Url))),
            sent.ReplyMarkup!.InlineKeyboard.Select(r => r.Select(b => (b.Text, b.CallbackData, b.Url))));

        // What the chat shows.
        var shown = Assert.Single(t.Server.MessagesIn(aida.ChatId));
        Assert.Equal(sent.MessageId, shown.MessageId);
        Assert.Equal("Расписание на <понедельник> — ссылка", shown.Text);
        Assert.Equal("HTML", shown.ParseMode);
        Assert.Equal(
            [[new BotButton("Да", "absence:yes:17", null), new BotButton("Сайт", null, "https://college.example.kg/")], [new BotButton("Нет", "absence:no:17", null)]],
            shown.InlineKeyboard);
        Assert.True(shown.DisableNotification);
        Assert.True(shown.LinkPreviewDisabled);
    }

    [Fact]
    public async Task SendMessage_with_a_reply_keyboard_and_reply_parameters_then_removes_the_keyboard()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var question = await t.Server.SendTextAsync(aida, "/phone");

        var asked = await t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "Поделитесь номером")
            {
                ReplyMarkup = new ReplyKeyboardMarkup([[new KeyboardButton("📱 Номер") { RequestContact = true }]]) { ResizeKeyboard = true, OneTimeKeyboard = true },
                ReplyParameters = new ReplyParameters(question.MessageId),
            },
            None);
        var removed = await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Спасибо") { ReplyMarkup = new ReplyKeyboardRemove() }, None);

        Assert.Equal(question.MessageId, asked.ReplyToMessage!.MessageId);
        Assert.Null(asked.ReplyMarkup); // Telegram echoes inline keyboards only.
        var shown = t.Server.MessagesIn(aida.ChatId);
        Assert.Equal(2, shown.Count);
        var keyboard = Assert.Single(Assert.Single(shown[0].ReplyKeyboard!));
        Assert.Equal(new ReplyKeyboardButton("📱 Номер", RequestContact: true), keyboard);
        Assert.Equal(question.MessageId, shown[0].ReplyToMessageId);
        Assert.Equal(removed.MessageId, shown[1].MessageId);
        Assert.True(shown[1].RemovesReplyKeyboard);
        Assert.Null(shown[1].ReplyKeyboard);
    }

    [Fact]
    public async Task EditMessageText_changes_the_text_and_the_buttons()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var menu = await t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "Шаг 1") { ReplyMarkup = Buttons(("Далее", "step:2")) }, None);

        var edited = await t.Client.EditMessageTextAsync(
            new EditMessageTextRequest(aida.ChatId, menu.MessageId, "<i>Шаг 2</i> из 2") { ParseMode = ParseMode.Html, ReplyMarkup = Buttons(("Назад", "step:1")) },
            None);

        Assert.NotNull(edited);
        Assert.Equal(menu.MessageId, edited.MessageId);
        Assert.Equal("Шаг 2 из 2", edited.Text);
        var shown = await t.Server.WaitForEditAsync(aida.ChatId, m => m.MessageId == menu.MessageId, TimeSpan.FromSeconds(2));
        Assert.Equal("Шаг 2 из 2", shown.Text);
        Assert.Equal(1, shown.EditCount);
        Assert.Equal([new BotButton("Назад", "step:1", null)], shown.Buttons);
        Assert.Contains(shown.Entities, e => e is { Type: "italic", Offset: 0, Length: 5 });

        // Without reply_markup an edit takes the buttons away.
        await t.Client.EditMessageTextAsync(new EditMessageTextRequest(aida.ChatId, menu.MessageId, "Готово"), None);
        var last = Assert.Single(t.Server.MessagesIn(aida.ChatId));
        Assert.Equal("Готово", last.Text);
        Assert.Empty(last.Buttons);
        Assert.Equal(2, last.EditCount);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_replaces_and_then_removes_the_buttons()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var menu = await t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "Отметить?") { ReplyMarkup = Buttons(("Да", "yes"), ("Нет", "no")) }, None);

        var replaced = await t.Client.EditMessageReplyMarkupAsync(
            new EditMessageReplyMarkupRequest(aida.ChatId, menu.MessageId) { ReplyMarkup = Buttons(("✅ Отмечено", "done")) }, None);

        Assert.Equal("done", Assert.Single(Assert.Single(replaced!.ReplyMarkup!.InlineKeyboard)).CallbackData);
        var shown = Assert.Single(t.Server.MessagesIn(aida.ChatId));
        Assert.Equal("Отметить?", shown.Text);
        Assert.Equal([new BotButton("✅ Отмечено", "done", null)], shown.Buttons);

        var cleared = await t.Client.EditMessageReplyMarkupAsync(new EditMessageReplyMarkupRequest(aida.ChatId, menu.MessageId), None);

        Assert.Null(cleared!.ReplyMarkup);
        Assert.Empty(Assert.Single(t.Server.MessagesIn(aida.ChatId)).Buttons);
    }

    [Fact]
    public async Task AnswerCallbackQuery_answers_a_pressed_button()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var menu = await t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "Пришёл?") { ReplyMarkup = Buttons(("Да", "came:yes")) }, None);
        var pressId = await t.Server.PressButtonAsync(aida, menu.MessageId, "Да");

        var update = Assert.Single(await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));
        Assert.Equal(UpdateType.CallbackQuery, update.Kind);
        Assert.Equal(pressId, update.CallbackQuery!.Id);
        Assert.Equal("came:yes", update.CallbackQuery.Data);
        Assert.Equal(menu.MessageId, update.CallbackQuery.Message!.MessageId);
        Assert.Equal(aida.Id, update.From!.Id);

        var answered = await t.Client.AnswerCallbackQueryAsync(
            new AnswerCallbackQueryRequest(update.CallbackQuery.Id) { Text = "Записано", ShowAlert = true }, None);

        Assert.True(answered);
        var answer = Assert.Single(t.Server.CallbackAnswers);
        Assert.Equal((pressId, aida.Id, "came:yes", "Записано", true), (answer.CallbackQueryId, answer.UserId, answer.Data, answer.Text, answer.ShowAlert));

        // The short form, for a second press.
        var secondPress = await t.Server.PressButtonAsync(aida, menu.MessageId, "Да");
        Assert.True(await t.Client.AnswerCallbackQueryAsync(secondPress, None));
        Assert.Null(t.Server.CallbackAnswers[1].Text);
    }

    // ---------------------------------------------------------------- files

    [Fact]
    public async Task SendDocument_uploads_the_bytes_unchanged()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var bytes = Bytes(300_000, seed: 1);

        var sent = await t.Client.SendDocumentAsync(
            new SendDocumentRequest(aida.ChatId, InputFile.FromBytes(bytes, "report.pdf", "application/pdf"))
            {
                Caption = "<b>Отчёт</b> за ноябрь",
                ParseMode = ParseMode.Html,
                ReplyMarkup = Buttons(("Открыть", "open:1")),
            },
            None);

        Assert.Equal("report.pdf", sent.Document!.FileName);
        Assert.Equal("application/pdf", sent.Document.MimeType);
        Assert.Equal(bytes.Length, sent.Document.FileSize);
        Assert.Equal("Отчёт за ноябрь", sent.Caption);
        Assert.Equal(bytes, t.Server.FileContent(sent.Document.FileId));
        var shown = Assert.Single(t.Server.MessagesIn(aida.ChatId));
        Assert.Equal("Отчёт за ноябрь", shown.Caption);
        Assert.Equal("report.pdf", shown.Document!.FileName);
        Assert.Equal([new BotButton("Открыть", "open:1", null)], shown.Buttons);
    }

    [Fact]
    public async Task SendPhoto_uploads_a_stream_from_its_position_and_leaves_it_open()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var photo = Png(640, 480);
        var stream = new MemoryStream([.. "skip-me"u8, .. photo]) { Position = 7 };

        var sent = await t.Client.SendPhotoAsync(new SendPhotoRequest(aida.ChatId, InputFile.FromStream(stream, "board.png", "image/png")) { Caption = "Доска" }, None);

        var largest = sent.Photo.Largest()!;
        Assert.Equal((640, 480), (largest.Width, largest.Height));
        Assert.Equal(photo, t.Server.FileContent(largest.FileId));
        Assert.Equal("Доска", Assert.Single(t.Server.MessagesIn(aida.ChatId)).Caption);
        Assert.True(stream.CanRead, "The caller's stream must stay open.");
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public async Task SendDocument_uploads_a_stream_that_cannot_seek_with_its_options_as_form_fields()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var bytes = Bytes(200_000, seed: 3);
        using var stream = new ForwardOnlyStream(bytes);

        var sent = await t.Client.SendDocumentAsync(
            new SendDocumentRequest(aida.ChatId, InputFile.FromStream(stream, "export.csv", "text/csv")) { DisableNotification = true, Caption = "Экспорт" },
            None);

        Assert.Equal(bytes, t.Server.FileContent(sent.Document!.FileId));
        var shown = Assert.Single(t.Server.MessagesIn(aida.ChatId));
        Assert.True(shown.DisableNotification);
        Assert.Equal("Экспорт", shown.Caption);
        Assert.Equal("text/csv", shown.Document!.MimeType);
    }

    [Fact]
    public async Task An_uploaded_file_name_keeps_its_Cyrillic_letters_and_loses_quotes_and_semicolons()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");

        var cyrillic = await t.Client.SendDocumentAsync(
            new SendDocumentRequest(aida.ChatId, InputFile.FromBytes("a,b\n1,2\n"u8.ToArray(), "Ведомость ИТ-1-23.csv")), None);
        var awkward = await t.Client.SendDocumentAsync(
            new SendDocumentRequest(aida.ChatId, InputFile.FromBytes([1, 2, 3], "a\"b;c.txt")), None);

        Assert.Equal("Ведомость ИТ-1-23.csv", cyrillic.Document!.FileName);
        Assert.Equal("text/csv", cyrillic.Document.MimeType); // no content type given: the server guesses from the name
        Assert.Equal("a_b_c.txt", awkward.Document!.FileName);
        Assert.Equal(["Ведомость ИТ-1-23.csv", "a_b_c.txt"], t.Server.MessagesIn(aida.ChatId).Select(m => m.Document!.FileName));
    }

    [Fact]
    public async Task SendDocument_and_SendPhoto_by_file_id_resend_without_uploading()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var bek = t.Server.CreateUser("Bek");
        var bytes = Bytes(5000, seed: 2);
        var document = (await t.Client.SendDocumentAsync(new SendDocumentRequest(aida.ChatId, InputFile.FromBytes(bytes, "a.zip")), None)).Document!;
        var photo = (await t.Client.SendPhotoAsync(new SendPhotoRequest(aida.ChatId, InputFile.FromBytes(Png(100, 50), "p.png")), None)).Photo.Largest()!;

        var resentDocument = await t.Client.SendDocumentAsync(
            new SendDocumentRequest(bek.ChatId, InputFile.FromFileId(document.FileId)) { Caption = "Ещё раз" }, None);
        var resentPhoto = await t.Client.SendPhotoAsync(new SendPhotoRequest(bek.ChatId, InputFile.FromFileId(photo.FileId)), None);

        Assert.Equal(document.FileId, resentDocument.Document!.FileId);
        Assert.Equal("a.zip", resentDocument.Document.FileName);
        Assert.Equal(photo.FileId, Assert.Single(resentPhoto.Photo!).FileId);
        Assert.Equal(bytes, t.Server.FileContent(resentDocument.Document.FileId));
        Assert.Equal(2, t.Server.SentCount(bek.ChatId));

        // Sent as a plain parameter, not as a file part.
        var lastDocumentCall = t.Server.RequestsFor("sendDocument")[^1];
        Assert.Contains(document.FileId, lastDocumentCall.ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFile_and_DownloadFile_fetch_a_photo_a_user_sent()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var bytes = Png(1280, 960, extra: 200_000);
        await t.Server.SendPhotoAsync(aida, bytes, caption: "Справка");

        var update = Assert.Single(await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));
        Assert.Equal("Справка", update.Message!.Caption);
        var largest = update.Message.Photo.Largest()!;
        Assert.Equal((1280, 960), (largest.Width, largest.Height));

        var file = await t.Client.GetFileAsync(largest.FileId, None);

        Assert.Equal(largest.FileId, file.FileId);
        Assert.Equal(bytes.Length, file.FileSize);
        Assert.False(string.IsNullOrEmpty(file.FilePath));
        using var downloaded = new MemoryStream();
        await t.Client.DownloadFileAsync(file.FilePath!, downloaded, None);
        Assert.Equal(bytes, downloaded.ToArray());
    }

    // ---------------------------------------------------------------- commands, webhook

    [Fact]
    public async Task SetMyCommands_for_one_chat_and_language_and_DeleteMyCommands_removes_them()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida", languageCode: "ru");
        var scope = CommandScopes.Chat(aida.ChatId);

        Assert.True(await t.Client.SetMyCommandsAsync(
            new SetMyCommandsRequest([new BotCommand("start", "Начать"), new BotCommand("schedule", "Расписание")])
            {
                Scope = BotCommandScope.Chat(aida.ChatId),
                LanguageCode = "ru",
            },
            None));
        Assert.True(await t.Client.SetMyCommandsAsync(new SetMyCommandsRequest([new BotCommand("help", "Help")]), None));

        Assert.Equal([new BotCommandInfo("start", "Начать"), new BotCommandInfo("schedule", "Расписание")], t.Server.CommandsFor(scope, "ru"));
        Assert.Empty(t.Server.CommandsFor(scope));
        Assert.Equal([new BotCommandInfo("help", "Help")], t.Server.CommandsFor(CommandScopes.Default));
        Assert.Equal("start", t.Server.CommandsShownTo(aida)[0].Command);

        Assert.True(await t.Client.DeleteMyCommandsAsync(new DeleteMyCommandsRequest { Scope = BotCommandScope.Chat(aida.ChatId), LanguageCode = "ru" }, None));

        Assert.Empty(t.Server.CommandsFor(scope, "ru"));
        Assert.Equal("help", Assert.Single(t.Server.CommandsShownTo(aida)).Command);
    }

    [Fact]
    public async Task SetWebhook_GetWebhookInfo_and_DeleteWebhook_round_trip()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        await t.Server.SendTextAsync(aida, "old");
        Assert.Equal("", (await t.Client.GetWebhookInfoAsync(None)).Url);

        // The fake does not deliver webhooks unless asked, so nothing connects to this address.
        Assert.True(await t.Client.SetWebhookAsync(
            new SetWebhookRequest("https://127.0.0.1:8443/telegram/webhook")
            {
                SecretToken = "hook_Secret-123",
                AllowedUpdates = UpdateType.Handled,
                MaxConnections = 5,
                DropPendingUpdates = true,
            },
            None));
        var fresh = await t.Server.SendTextAsync(aida, "new");

        Assert.Equal("https://127.0.0.1:8443/telegram/webhook", t.Server.WebhookUrl);
        Assert.Equal("hook_Secret-123", t.Server.WebhookSecretToken);
        var info = await t.Client.GetWebhookInfoAsync(None);
        Assert.Equal("https://127.0.0.1:8443/telegram/webhook", info.Url);
        Assert.Equal(5, info.MaxConnections);
        Assert.Equal(UpdateType.Handled, info.AllowedUpdates);
        Assert.Equal(1, info.PendingUpdateCount); // "old" was dropped, "new" waits

        Assert.True(await t.Client.DeleteWebhookAsync(new DeleteWebhookRequest(), None));

        Assert.Null(t.Server.WebhookUrl);
        Assert.Equal("", (await t.Client.GetWebhookInfoAsync(None)).Url);
        var update = Assert.Single(await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));
        Assert.Equal(fresh.UpdateId, update.UpdateId);
    }

    // ---------------------------------------------------------------- errors the Bot API answers

    [Fact]
    public async Task Unescaped_HTML_is_a_400_cant_parse_entities()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");

        var unclosed = await Assert.ThrowsAsync<ApiRequestException>(() => SendHtml(t, aida.ChatId, "<b>Оценка: 5"));
        var bareLess = await Assert.ThrowsAsync<ApiRequestException>(() => SendHtml(t, aida.ChatId, "Оценка < 3"));

        foreach (var error in new[] { unclosed, bareLess })
        {
            Assert.Equal(400, error.ErrorCode);
            Assert.StartsWith("Bad Request: can't parse entities", error.Description, StringComparison.Ordinal);
            Assert.True(error.IsCantParseEntities);
            Assert.False(error.IsRetryable);
            Assert.Equal("sendMessage", error.Method);
            Assert.Equal($"sendMessage: 400 {error.Description}", error.Message);
        }

        // The same text is fine without parse_mode: the error is the HTML's.
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Оценка < 3"), None);
        Assert.Equal(1, t.Server.SentCount(aida.ChatId));
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_a_400_message_is_too_long()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, new string('я', 4097)), None));
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, new string('я', 4096)), None);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Description);
        Assert.Equal(1, t.Server.SentCount(aida.ChatId));
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_a_400_BUTTON_DATA_INVALID()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");

        // 33 Cyrillic letters are 66 bytes of UTF-8: the limit counts bytes, not characters.
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "Меню") { ReplyMarkup = Buttons(("Кнопка", new string('д', 33))) }, None));
        await t.Client.SendMessageAsync(
            new SendMessageRequest(aida.ChatId, "Меню") { ReplyMarkup = Buttons(("Кнопка", new string('д', 32))) }, None);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Description);
        Assert.Equal(1, t.Server.SentCount(aida.ChatId));
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_is_a_400_message_is_not_modified()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var keyboard = Buttons(("Да", "yes"));
        var menu = await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Готово") { ReplyMarkup = keyboard }, None);

        var sameText = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.EditMessageTextAsync(
            new EditMessageTextRequest(aida.ChatId, menu.MessageId, "Готово") { ReplyMarkup = keyboard }, None));
        var sameButtons = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.EditMessageReplyMarkupAsync(
            new EditMessageReplyMarkupRequest(aida.ChatId, menu.MessageId) { ReplyMarkup = keyboard }, None));

        Assert.True(sameText.IsMessageNotModified);
        Assert.Equal("editMessageText", sameText.Method);
        Assert.True(sameButtons.IsMessageNotModified);
        Assert.Equal("editMessageReplyMarkup", sameButtons.Method);
        Assert.Equal(400, sameText.ErrorCode);
        Assert.False(sameText.IsCantParseEntities);
        Assert.Equal(0, Assert.Single(t.Server.MessagesIn(aida.ChatId)).EditCount);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_or_deleted_the_account_is_a_403_IsBlocked()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var bek = t.Server.CreateUser("Bek");
        t.Server.BlockBot(aida);
        t.Server.DeactivateUser(bek);

        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));
        var deleted = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(bek.ChatId, "Привет"), None));

        Assert.Equal(403, blocked.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", blocked.Description);
        Assert.True(blocked.IsBlocked);
        Assert.False(blocked.IsRetryable);
        Assert.Equal("Forbidden: user is deactivated", deleted.Description);
        Assert.True(deleted.IsBlocked);

        // The block itself arrives as a my_chat_member update.
        var update = Assert.Single(await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));
        Assert.Equal(UpdateType.MyChatMember, update.Kind);
        Assert.Equal(ChatMemberStatus.Kicked, update.MyChatMember!.NewChatMember.Status);
        Assert.True(update.MyChatMember.NewChatMember.IsGone);
    }

    [Fact]
    public async Task An_unknown_chat_is_a_400_chat_not_found()
    {
        await using var t = await ClientAndServer.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(424242, "Кто здесь?"), None));

        Assert.Equal(400, error.ErrorCode);
        Assert.True(error.IsChatNotFound);
        Assert.False(error.IsBlocked);
    }

    [Fact]
    public async Task A_second_answer_to_the_same_button_press_is_a_400_query_is_too_old()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        var menu = await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "?") { ReplyMarkup = Buttons(("Да", "y")) }, None);
        var press = await t.Server.PressButtonAsync(aida, menu.MessageId, "Да");
        await t.Client.AnswerCallbackQueryAsync(press, None);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.AnswerCallbackQueryAsync(press, None));

        Assert.Equal(400, error.ErrorCode);
        Assert.True(error.IsQueryTooOld);
        Assert.Equal("answerCallbackQuery", error.Method);
    }

    [Fact]
    public async Task A_429_carries_retry_after()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        t.Server.FailNext("sendMessage", 429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.RetryAfter);
        Assert.Equal(7, error.Parameters!.RetryAfter);
        Assert.Null(error.MigrateToChatId);
        Assert.True(error.IsTooManyRequests);
        Assert.True(error.IsRetryable);
        Assert.Equal("Too Many Requests: retry after 7", error.Description);

        // Only the next call was refused.
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None);
        Assert.Equal(1, t.Server.SentCount(aida.ChatId));
    }

    [Fact]
    public async Task Sending_faster_than_Telegram_allows_is_a_429_with_retry_after()
    {
        // Strict limits (1 per chat per second); the server's clock moves only when the test moves it.
        var clock = new FakeClock();
        await using var t = await ClientAndServer.StartAsync(new FakeServerOptions { TimeProvider = clock });
        var aida = t.Server.CreateUser("Aida");

        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "раз"), None);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "два"), None));
        clock.Advance(TimeSpan.FromSeconds(1));
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "два"), None);

        Assert.Equal(429, error.ErrorCode);
        Assert.True(error.IsTooManyRequests);
        Assert.Equal(1, error.RetryAfter);
        Assert.Equal(1, t.Server.TooManyRequestsCount);
        Assert.Equal(["раз", "два"], t.Server.MessagesIn(aida.ChatId).Select(m => m.Text));
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_is_a_400_with_MigrateToChatId()
    {
        await using var t = await ClientAndServer.StartAsync();
        var group = t.Server.CreateGroup("ИТ-1-23");
        const long supergroup = -1001234567890;
        t.Server.MigrateChat(group, supergroup);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(group, "Собрание в 14:00"), None));
        var moved = await t.Client.SendMessageAsync(new SendMessageRequest(supergroup, "Собрание в 14:00"), None);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(supergroup, error.MigrateToChatId);
        Assert.Null(error.RetryAfter);
        Assert.Equal(supergroup, moved.Chat.Id);
        Assert.Equal(ChatType.Supergroup, moved.Chat.Type);

        var notice = Assert.Single(await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));
        Assert.Equal(group, notice.Message!.Chat.Id);
        Assert.Equal(supergroup, notice.Message.MigrateToChatId);
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_IsUnauthorized()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        var settings = RealClient.SettingsFor(server);
        settings["Telegram:BotToken"] = "987654321:AAWrongTokenWrongTokenWrongToken_xyz";
        using var real = RealClient.Create(settings);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => real.Client.GetMeAsync(None));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Description);
        Assert.True(error.IsUnauthorized);
        Assert.False(error.IsRetryable);
        Assert.Equal("getMe", error.Method);
    }

    [Fact]
    public async Task A_second_getUpdates_ends_the_first_with_a_409()
    {
        await using var t = await ClientAndServer.StartAsync();
        await t.Client.GetMeAsync(None); // an open connection, so the first poll reaches the server at once

        var first = t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 20 }, None);
        await Task.Delay(300);
        var second = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Empty(second);
        Assert.Equal(409, error.ErrorCode);
        Assert.True(error.IsConflict);
        Assert.Contains("terminated by other getUpdates request", error.Description, StringComparison.Ordinal);
        Assert.Equal("getUpdates", error.Method);
    }

    [Fact]
    public async Task GetUpdates_while_a_webhook_is_set_is_a_409()
    {
        await using var t = await ClientAndServer.StartAsync();
        await t.Client.SetWebhookAsync(new SetWebhookRequest("https://127.0.0.1:8443/hook"), None);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));

        Assert.Equal(409, error.ErrorCode);
        Assert.True(error.IsConflict);
        Assert.Contains("webhook is active", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_is_a_retryable_ApiRequestException()
    {
        await using var t = await ClientAndServer.StartAsync();
        t.Server.FailNext("getMe", 500, "Internal Server Error");
        t.Server.FailNext("getUpdates", 502, "Bad Gateway");

        var internalError = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.GetMeAsync(None));
        var badGateway = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));

        Assert.Equal((500, "Internal Server Error"), (internalError.ErrorCode, internalError.Description));
        Assert.True(internalError.IsRetryable);
        Assert.False(internalError.IsTooManyRequests);
        Assert.Null(internalError.RetryAfter);
        Assert.Equal((502, "Bad Gateway"), (badGateway.ErrorCode, badGateway.Description));
        Assert.True(badGateway.IsRetryable);
    }

    [Fact]
    public async Task A_non_JSON_502_from_a_proxy_is_error_502_and_the_client_carries_on()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        t.Server.FailNextWithNonJson("sendMessage", 502);
        t.Server.FailNextWithNonJson("getFile", 503);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));
        var other = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.GetFileAsync("anything", None));
        var after = await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None);

        Assert.Equal(502, error.ErrorCode);
        Assert.True(error.IsRetryable);
        Assert.Contains("not a Bot API answer", error.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(503, other.ErrorCode);
        Assert.Equal("Привет", after.Text);
    }

    // ---------------------------------------------------------------- no answer at all

    [Fact]
    public async Task A_dropped_connection_is_a_network_exception_not_a_timeout()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        t.Server.DropConnectionNext("sendMessage");

        var error = await Assert.ThrowsAsync<BotApiNetworkException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));

        Assert.False(error.IsTimeout);
        Assert.Equal("sendMessage", error.Method);
        Assert.StartsWith("sendMessage: network error", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.Equal(0, t.Server.SentCount(aida.ChatId));
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None);
        Assert.Equal(1, t.Server.SentCount(aida.ChatId));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_send_went_through_is_a_network_exception_although_the_message_arrived()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        t.Server.DropConnectionNext("sendMessage", afterApplying: true);

        var error = await Assert.ThrowsAsync<BotApiNetworkException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));

        Assert.False(error.IsTimeout);
        Assert.Equal("Привет", Assert.Single(t.Server.MessagesIn(aida.ChatId)).Text);
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_exception()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeServerOptions.DefaultToken,
            ["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{RealClient.ClosedPort()}",
            ["Telegram:RequestTimeoutSeconds"] = "5",
        };
        using var real = RealClient.Create(settings);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<BotApiNetworkException>(() => real.Client.GetMeAsync(None));

        Assert.False(error.IsTimeout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"A refusal took {watch.Elapsed}: it was waited out, not reported.");
        Assert.Equal("getMe", error.Method);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        var inner = Assert.IsType<RedactedException>(error.InnerException);
        Assert.Equal(typeof(HttpRequestException).FullName, inner.OriginalType);
        Assert.Contains(real.Logs.Lines, l => l.Contains("Bot API getMe: network error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_request_timeout_is_a_network_timeout()
    {
        await using var t = await ClientAndServer.StartAsync(requestTimeoutSeconds: 1);
        var aida = t.Server.CreateUser("Aida");
        t.Server.SetDelay(TimeSpan.FromSeconds(10), "sendMessage");

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<BotApiNetworkException>(() => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));

        Assert.True(error.IsTimeout);
        Assert.Equal("sendMessage", error.Method);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9) && watch.Elapsed < TimeSpan.FromSeconds(4), $"The timeout came after {watch.Elapsed}.");
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API sendMessage: timeout", StringComparison.Ordinal));

        // Other methods are not slowed down, and the client still works.
        Assert.Equal(t.Server.BotId, (await t.Client.GetMeAsync(None)).Id);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_an_OperationCanceledException()
    {
        await using var t = await ClientAndServer.StartAsync(requestTimeoutSeconds: 10);
        var aida = t.Server.CreateUser("Aida");
        t.Server.SetDelay(TimeSpan.FromSeconds(10), "sendMessage");

        using var sending = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        var send = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), sending.Token));
        var sendTook = watch.Elapsed;

        using var polling = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var poll = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 20 }, polling.Token));

        using var already = new CancellationTokenSource();
        await already.CancelAsync();
        var before = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Client.GetMeAsync(already.Token));

        Assert.Equal(sending.Token, send.CancellationToken);
        Assert.True(sendTook < TimeSpan.FromSeconds(3), $"Cancelling took {sendTook}.");
        Assert.Equal(polling.Token, poll.CancellationToken);
        Assert.Equal(already.Token, before.CancellationToken);
        Assert.Empty(t.Server.RequestsFor("getMe"));
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API sendMessage: cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_by_getFile_and_by_the_download_itself()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        await t.Server.SendDocumentAsync(aida, [1], "small.pdf", "application/pdf");
        await t.Server.SendDocumentAsync(aida, new byte[(20 * 1024 * 1024) + 1], "big.pdf", "application/pdf");
        var updates = await t.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None);
        var small = await t.Client.GetFileAsync(updates[0].Message!.Document!.FileId, None);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.GetFileAsync(updates[1].Message!.Document!.FileId, None));

        Assert.True(refused.IsFileTooBig);
        Assert.Equal(400, refused.ErrorCode);

        // The server would serve it anyway (a path from elsewhere, or a local Bot API server): the client stops at the size.
        // The fake numbers its files, so the big one's path is the small one's with the next number.
        Assert.Equal("documents/file_1.pdf", small.FilePath);
        using var destination = new MemoryStream();
        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.DownloadFileAsync("documents/file_2.pdf", destination, None));
        Assert.True(tooBig.IsFileTooBig);
        Assert.Equal("downloadFile", tooBig.Method);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task Downloading_an_unknown_file_path_is_a_404_and_an_unknown_file_id_a_400()
    {
        await using var t = await ClientAndServer.StartAsync();

        using var destination = new MemoryStream();
        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.DownloadFileAsync("documents/file_999.pdf", destination, None));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => t.Client.GetFileAsync("no-such-file-id", None));

        Assert.Equal(404, missing.ErrorCode);
        Assert.Equal("downloadFile", missing.Method);
        Assert.Equal(0, destination.Length);
        Assert.Equal(400, unknown.ErrorCode);
        Assert.Equal("Bad Request: invalid file_id", unknown.Description);
    }

    [Fact]
    public async Task A_token_with_surrounding_white_space_and_a_base_url_with_a_trailing_slash_still_work()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        var settings = RealClient.SettingsFor(server);
        settings["Telegram:BotToken"] = $"  {server.Token}\n";
        settings["Telegram:ApiBaseUrl"] = server.BaseUrl + "/";
        using var real = RealClient.Create(settings);
        var aida = server.CreateUser("Aida");
        await server.SendPhotoAsync(aida, [1, 2, 3, 4, 5]);

        var me = await real.Client.GetMeAsync(None);
        var update = Assert.Single(await real.Client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));
        var file = await real.Client.GetFileAsync(update.Message!.Photo.Largest()!.FileId, None);
        using var downloaded = new MemoryStream();
        await real.Client.DownloadFileAsync(file.FilePath!, downloaded, None);

        Assert.Equal(server.BotId, me.Id);
        Assert.Equal([1, 2, 3, 4, 5], downloaded.ToArray());
    }

    [Fact]
    public async Task A_missing_token_or_a_bad_base_url_fails_before_any_request_and_names_the_setting()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        var noToken = RealClient.SettingsFor(server);
        noToken.Remove("Telegram:BotToken");
        var blankToken = RealClient.SettingsFor(server);
        blankToken["Telegram:BotToken"] = "   ";
        var badUrl = RealClient.SettingsFor(server);
        badUrl["Telegram:ApiBaseUrl"] = "not a url";
        var ftpUrl = RealClient.SettingsFor(server);
        ftpUrl["Telegram:ApiBaseUrl"] = "ftp://127.0.0.1/";

        foreach (var settings in new[] { noToken, blankToken })
        {
            using var real = RealClient.Create(settings);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => real.Client.GetMeAsync(None));
            Assert.Contains("Telegram__BotToken", error.Message, StringComparison.Ordinal);
        }

        foreach (var settings in new[] { badUrl, ftpUrl })
        {
            using var real = RealClient.Create(settings);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => real.Client.GetMeAsync(None));
            Assert.Contains("Telegram:ApiBaseUrl", error.Message, StringComparison.Ordinal);
            Assert.Contains(settings["Telegram:ApiBaseUrl"]!, error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => real.Client.DownloadFileAsync("photos/file_1.jpg", Stream.Null, None));
        }

        Assert.Empty(server.Requests);
    }

    // ---------------------------------------------------------------- helpers

    private static Task<Message> SendHtml(ClientAndServer t, long chatId, string html) =>
        t.Client.SendMessageAsync(new SendMessageRequest(chatId, html) { ParseMode = ParseMode.Html }, None);

    private static InlineKeyboardMarkup Buttons(params (string Text, string Data)[] row) =>
        new([row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)).ToArray()]);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A stream that can only be read forward, such as a pipe or a compressing stream: its length is unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream inner = new(content);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Enough of a PNG for the fake to read its size: the signature, then IHDR's width and height.</summary>
    private static byte[] Png(int width, int height, int extra = 64)
    {
        var bytes = Bytes(24 + extra, seed: width ^ height);
        byte[] head = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        head.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
