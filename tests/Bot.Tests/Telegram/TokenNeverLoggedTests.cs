using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CollegeBot.Bot.Telegram;
using CollegeBot.FakeTelegram;
using CollegeBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace CollegeBot.Bot.Tests.Telegram;

/// <summary>
/// The bot token travels in every Bot API URL, and whoever holds it controls the bot. These tests make the real
/// client succeed and fail in every way it can, keep every log line of every category at Trace and every exception
/// (with its inner exceptions), and look for the token in all of it.
/// </summary>
public sealed class TokenNeverLoggedTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Every exception the client threw, as text in every form a log or a report could show it.</summary>
    private readonly List<string> thrown = [];

    [Fact]
    public async Task No_log_line_or_exception_of_a_refused_call_holds_the_token()
    {
        await using var t = await ClientAndServer.StartAsync();
        var client = t.Client;
        var aida = t.Server.CreateUser("Aida");
        var bek = t.Server.CreateUser("Bek");
        var group = t.Server.CreateGroup("ИТ-1-23");
        var menu = await client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Меню") { ReplyMarkup = Keyboard("y") }, None);

        // 409: a second poll ends the first (while no update is pending, so the first one waits), and a webhook forbids polling.
        var first = client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 20 }, None);
        await Task.Delay(300);
        await client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None);
        await Expect<ApiRequestException>(() => first.WaitAsync(TimeSpan.FromSeconds(5)));
        await client.SetWebhookAsync(new SetWebhookRequest("https://127.0.0.1:8443/hook"), None);
        await Expect<ApiRequestException>(() => client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 0 }, None));

        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "<b>bad") { ParseMode = ParseMode.Html }, None));
        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(aida.ChatId, new string('x', 5000)), None));
        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Меню") { ReplyMarkup = Keyboard(new string('x', 65)) }, None));
        await Expect<ApiRequestException>(() => client.EditMessageTextAsync(new EditMessageTextRequest(aida.ChatId, menu.MessageId, "Меню") { ReplyMarkup = Keyboard("y") }, None));
        await Expect<ApiRequestException>(() => client.EditMessageReplyMarkupAsync(new EditMessageReplyMarkupRequest(aida.ChatId, menu.MessageId) { ReplyMarkup = Keyboard("y") }, None));
        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(424242, "?"), None));
        await Expect<ApiRequestException>(() => client.AnswerCallbackQueryAsync("no-such-query", None));
        await Expect<ApiRequestException>(() => client.GetFileAsync("no-such-file", None));
        await Expect<ApiRequestException>(() => client.DownloadFileAsync("documents/file_404.pdf", new MemoryStream(), None));
        await Expect<ApiRequestException>(() => client.SetMyCommandsAsync(new SetMyCommandsRequest([new BotCommand("Bad Command", "x")]), None));

        t.Server.BlockBot(bek);
        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(bek.ChatId, "Привет"), None));
        await Expect<ApiRequestException>(() => client.SendDocumentAsync(new SendDocumentRequest(bek.ChatId, InputFile.FromBytes([1, 2, 3], "a.pdf")), None));

        t.Server.MigrateChat(group, -1009876543210);
        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(group, "Собрание"), None));

        t.Server.FailNext("sendMessage", 429, "Too Many Requests: retry after 5", retryAfter: 5);
        await Expect<ApiRequestException>(() => client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), None));
        t.Server.FailNext("getMe", 500, "Internal Server Error");
        await Expect<ApiRequestException>(() => client.GetMeAsync(None));
        t.Server.FailNextWithNonJson("sendPhoto", 502);
        await Expect<ApiRequestException>(() => client.SendPhotoAsync(new SendPhotoRequest(aida.ChatId, InputFile.FromBytes([1, 2, 3], "p.jpg")), None));

        // 429 from real rate limiting.
        var clock = new FakeClock();
        await using var strict = await ClientAndServer.StartAsync(new FakeServerOptions { TimeProvider = clock });
        var carl = strict.Server.CreateUser("Carl");
        await strict.Client.SendMessageAsync(new SendMessageRequest(carl.ChatId, "1"), None);
        await Expect<ApiRequestException>(() => strict.Client.SendMessageAsync(new SendMessageRequest(carl.ChatId, "2"), None));

        AssertHoldsNoToken(t.Server.Token, [.. t.Logs.Lines, .. strict.Logs.Lines, .. thrown]);

        // Not vacuous: every refusal went through the captured logger.
        foreach (var outcome in new[] { "error 400", "error 403", "error 404", "error 409", "error 429", "error 500", "error 502" })
        {
            Assert.Contains(t.Logs.Lines, l => l.Contains($"BotApiClient: Bot API ", StringComparison.Ordinal) && l.Contains(outcome, StringComparison.Ordinal));
        }

        Assert.Contains(strict.Logs.Lines, l => l.Contains("Bot API sendMessage: error 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_log_line_or_exception_of_a_call_without_an_answer_holds_the_token()
    {
        await using var t = await ClientAndServer.StartAsync(requestTimeoutSeconds: 1);
        var client = t.Client;
        var aida = t.Server.CreateUser("Aida");

        await client.GetMeAsync(None);
        t.Server.DropConnectionNext("sendMessage");
        await Expect<BotApiNetworkException>(() => client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "1"), None));
        t.Server.DropConnectionNext("sendDocument", afterApplying: true);
        await Expect<BotApiNetworkException>(() => client.SendDocumentAsync(new SendDocumentRequest(aida.ChatId, InputFile.FromBytes([1, 2, 3], "a.pdf")), None));

        t.Server.SetDelay(TimeSpan.FromSeconds(10), "getMe");
        await Expect<BotApiNetworkException>(() => client.GetMeAsync(None));

        t.Server.SetDelay(TimeSpan.FromSeconds(10), "sendMessage");
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await Expect<OperationCanceledException>(() => client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "2"), cancel.Token));
        }

        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await Expect<OperationCanceledException>(() => client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 10 }, cancel.Token));
        }

        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await Expect<OperationCanceledException>(() => client.DownloadFileAsync("photos/file_1.jpg", new MemoryStream(), cancelled.Token));
        }

        // Nothing listens on this port; the same token is configured.
        var refusedSettings = RealClient.SettingsFor(t.Server, requestTimeoutSeconds: 1);
        refusedSettings["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{RealClient.ClosedPort()}";
        using var refused = RealClient.Create(refusedSettings);
        await Expect<BotApiNetworkException>(() => refused.Client.GetMeAsync(None));
        await Expect<BotApiNetworkException>(() => refused.Client.DownloadFileAsync("photos/file_1.jpg", new MemoryStream(), None));
        await Expect<BotApiNetworkException>(() => refused.Client.SendPhotoAsync(
            new SendPhotoRequest(aida.ChatId, InputFile.FromStream(new MemoryStream([1, 2, 3]), "p.jpg")), None));

        AssertHoldsNoToken(t.Server.Token, [.. t.Logs.Lines, .. refused.Logs.Lines, .. thrown]);
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API sendMessage: network error", StringComparison.Ordinal));
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API sendDocument: network error", StringComparison.Ordinal));
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API getMe: timeout", StringComparison.Ordinal));
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API sendMessage: cancelled", StringComparison.Ordinal));
        Assert.Contains(t.Logs.Lines, l => l.Contains("Bot API getUpdates: cancelled", StringComparison.Ordinal));
        Assert.Contains(refused.Logs.Lines, l => l.Contains("Bot API getMe: network error", StringComparison.Ordinal));
        Assert.Contains(refused.Logs.Lines, l => l.Contains("Bot API downloadFile: network error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_log_line_of_a_successful_call_holds_the_token()
    {
        await using var t = await ClientAndServer.StartAsync();
        var client = t.Client;
        var aida = t.Server.CreateUser("Aida");
        const string webhookSecret = "Webhook_Secret-4f1c2e";

        await client.GetMeAsync(None);
        var menu = await client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "<b>Меню</b>") { ParseMode = ParseMode.Html, ReplyMarkup = Keyboard("go") }, None);
        await client.EditMessageTextAsync(new EditMessageTextRequest(aida.ChatId, menu.MessageId, "Меню 2") { ReplyMarkup = Keyboard("go") }, None);
        await client.EditMessageReplyMarkupAsync(new EditMessageReplyMarkupRequest(aida.ChatId, menu.MessageId), None);
        var document = await client.SendDocumentAsync(new SendDocumentRequest(aida.ChatId, InputFile.FromBytes([1, 2, 3], "a.pdf")), None);
        await client.SendDocumentAsync(new SendDocumentRequest(aida.ChatId, InputFile.FromFileId(document.Document!.FileId)), None);
        await client.SendPhotoAsync(new SendPhotoRequest(aida.ChatId, InputFile.FromStream(new MemoryStream([1, 2, 3, 4]), "p.jpg")), None);
        await t.Server.SendPhotoAsync(aida, [5, 6, 7, 8]);
        var press = await t.Server.PressRawCallbackAsync(aida, menu.MessageId, "go");
        var updates = await client.GetUpdatesAsync(new GetUpdatesRequest { Timeout = 1 }, None);
        await client.GetUpdatesAsync(new GetUpdatesRequest { Offset = updates[^1].UpdateId + 1, Timeout = 0 }, None);
        await client.AnswerCallbackQueryAsync(press, None);
        var file = await client.GetFileAsync(updates[0].Message!.Photo.Largest()!.FileId, None);
        await client.DownloadFileAsync(file.FilePath!, new MemoryStream(), None);
        await client.SetMyCommandsAsync(new SetMyCommandsRequest([new BotCommand("start", "Начать")]) { Scope = BotCommandScope.Chat(aida.ChatId), LanguageCode = "ru" }, None);
        await client.DeleteMyCommandsAsync(new DeleteMyCommandsRequest(), None);
        await client.SetWebhookAsync(new SetWebhookRequest("https://127.0.0.1:8443/hook") { SecretToken = webhookSecret }, None);
        await client.GetWebhookInfoAsync(None);
        await client.DeleteWebhookAsync(new DeleteWebhookRequest(), None);

        AssertHoldsNoToken(t.Server.Token, t.Logs.Lines);
        AssertHoldsNo(webhookSecret, "webhook secret", t.Logs.Lines);
        foreach (var method in new[]
        {
            "getMe", "sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "sendPhoto", "getUpdates",
            "answerCallbackQuery", "getFile", "downloadFile", "setMyCommands", "deleteMyCommands", "setWebhook", "getWebhookInfo", "deleteWebhook",
        })
        {
            Assert.Contains(t.Logs.Lines, l => l.Contains($"Bot API {method}: ok", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_wrong_token_appears_nowhere_either()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        const string wrongToken = "987654321:AAWrongTokenWrongTokenWrongToken_xyz";
        var settings = RealClient.SettingsFor(server);
        settings["Telegram:BotToken"] = wrongToken;
        using var real = RealClient.Create(settings);

        await Expect<ApiRequestException>(() => real.Client.GetMeAsync(None));
        await Expect<ApiRequestException>(() => real.Client.SendMessageAsync(new SendMessageRequest(1, "x"), None));
        await Expect<ApiRequestException>(() => real.Client.DownloadFileAsync("photos/file_1.jpg", new MemoryStream(), None));

        AssertHoldsNoToken(wrongToken, [.. real.Logs.Lines, .. thrown]);
        Assert.Contains(real.Logs.Lines, l => l.Contains("Bot API getMe: error 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_description_that_echoes_the_token_comes_back_masked()
    {
        await using var t = await ClientAndServer.StartAsync();
        var token = t.Server.Token;
        var secret = token[(token.IndexOf(':') + 1)..];
        var echoes = new[]
        {
            $"Bad Request: wrong URL {t.Server.BaseUrl}/bot{token}/getMe",
            $"Bad Request: wrong URL {t.Server.BaseUrl}/bot{Uri.EscapeDataString(token)}/getMe",
            $"Bad Request: wrong URL {t.Server.BaseUrl}/bot{Uri.EscapeDataString(token).ToLowerInvariant()}/getMe",
            $"Bad Request: key {secret} was revoked",
        };

        foreach (var echo in echoes)
        {
            t.Server.FailNext("getMe", 400, echo);
            var error = await Expect<ApiRequestException>(() => t.Client.GetMeAsync(None));
            Assert.Contains(TokenRedactor.Mask, error.Description, StringComparison.Ordinal);
            Assert.StartsWith("Bad Request: ", error.Description, StringComparison.Ordinal);
        }

        AssertHoldsNoToken(token, [.. t.Logs.Lines, .. thrown]);
    }

    [Fact]
    public async Task Configuration_errors_do_not_reveal_the_token()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        var token = server.Token;
        var logs = new List<string>();

        foreach (var baseUrl in new[] { "not a url", "ftp://127.0.0.1/", $"not a url/bot{token}", $"127.0.0.1/bot{token}", $"http://127.0.0.1:{RealClient.ClosedPort()}/bot{token}" })
        {
            var settings = RealClient.SettingsFor(server);
            settings["Telegram:ApiBaseUrl"] = baseUrl;
            using var real = RealClient.Create(settings);
            await Expect<Exception>(() => real.Client.GetMeAsync(None));
            await Expect<Exception>(() => real.Client.DownloadFileAsync("photos/file_1.jpg", new MemoryStream(), None));
            logs.AddRange(real.Logs.Lines);
        }

        foreach (var missing in new[] { null, "", "   " })
        {
            var settings = RealClient.SettingsFor(server);
            settings["Telegram:BotToken"] = missing;
            using var real = RealClient.Create(settings);
            var error = await Expect<InvalidOperationException>(() => real.Client.GetMeAsync(None));
            Assert.Contains("Telegram__BotToken", error.Message, StringComparison.Ordinal);
            logs.AddRange(real.Logs.Lines);
        }

        AssertHoldsNoToken(token, [.. logs, .. thrown]);
        Assert.Contains(thrown, text => text.Contains("Telegram:ApiBaseUrl 'not a url' is not an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_broken_server_that_echoes_the_URL_in_its_answer_does_not_leak_it_through_the_network_exception()
    {
        // HttpClient quotes an invalid status line in its exception; this server puts the request line (with the
        // token) there, as a broken proxy might. Only the client's masking stands between it and a log.
        await using var echo = EchoingServer.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeServerOptions.DefaultToken,
            ["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{echo.Port}",
            ["Telegram:RequestTimeoutSeconds"] = "5",
        };
        using var real = RealClient.Create(settings);

        var call = await Expect<BotApiNetworkException>(() => real.Client.GetMeAsync(None));
        var download = await Expect<BotApiNetworkException>(() => real.Client.DownloadFileAsync("photos/file_1.jpg", new MemoryStream(), None));

        // Not vacuous: the server did echo the token, and the exception kept the rest of what it said.
        Assert.Contains(echo.RequestLines, line => line.Contains(FakeServerOptions.DefaultToken, StringComparison.Ordinal));
        Assert.Contains($"/bot{TokenRedactor.Mask}/getMe", call.ToString(), StringComparison.Ordinal);
        Assert.Contains($"/file/bot{TokenRedactor.Mask}/photos/file_1.jpg", download.ToString(), StringComparison.Ordinal);
        AssertHoldsNoToken(FakeServerOptions.DefaultToken, [.. real.Logs.Lines, .. thrown]);
    }

    // ---------------------------------------------------------------- controls: the check can fail

    [Fact]
    public void Control_the_check_finds_the_token_in_any_of_its_forms()
    {
        const string token = FakeServerOptions.DefaultToken;
        var secret = token[(token.IndexOf(':') + 1)..];

        foreach (var leak in new[]
        {
            $"POST http://127.0.0.1:5000/bot{token}/getMe",
            $"POST http://127.0.0.1:5000/bot{Uri.EscapeDataString(token)}/getMe",
            $"the key is {secret}",
        })
        {
            Assert.ThrowsAny<XunitException>(() => AssertHoldsNoToken(token, ["clean line", leak]));
        }

        AssertHoldsNoToken(token, ["clean line", $"POST http://127.0.0.1:5000/bot{TokenRedactor.Mask}/getMe", "123456789"]);
    }

    [Fact]
    public async Task Control_an_HttpClient_that_keeps_its_loggers_writes_the_token_into_the_same_capture()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        using var real = RealClient.Create(RealClient.SettingsFor(server), services => services.AddHttpClient("unprotected"));
        var http = real.Services.GetRequiredService<IHttpClientFactory>().CreateClient("unprotected");

        using var response = await http.PostAsync($"{server.BaseUrl}/bot{server.Token}/getMe", content: null);
        await real.Client.GetMeAsync(None);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains(real.Logs.Lines, l => l.Contains("HttpClient.unprotected", StringComparison.Ordinal) && l.Contains(server.Token, StringComparison.Ordinal));
        Assert.ThrowsAny<XunitException>(() => AssertHoldsNoToken(server.Token, real.Logs.Lines));

        // The same capture, without the unprotected client's lines, is clean: the difference is RemoveAllLoggers.
        var ours = real.Logs.Lines.Where(l => !l.Contains("HttpClient.unprotected", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, l => l.Contains("Bot API getMe: ok", StringComparison.Ordinal));
        AssertHoldsNoToken(server.Token, ours);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A TCP listener on 127.0.0.1 that answers every request with an invalid status line quoting the request line.</summary>
    private sealed class EchoingServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentQueue<string> requestLines = new();
        private Task serving = Task.CompletedTask;

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public IReadOnlyList<string> RequestLines => [.. requestLines];

        public static EchoingServer Start()
        {
            var server = new EchoingServer();
            server.listener.Start();
            server.serving = server.ServeAsync();
            return server;
        }

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    using var connection = await listener.AcceptTcpClientAsync(stop.Token);
                    var stream = connection.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                    var requestLine = await reader.ReadLineAsync(stop.Token) ?? "";
                    requestLines.Enqueue(requestLine);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTX/1.1 {requestLine}\r\n\r\n"), stop.Token);
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopped: the accept or the read was cancelled.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await serving;
            listener.Stop();
            stop.Dispose();
        }
    }

    private static InlineKeyboardMarkup Keyboard(string data) => new([[InlineKeyboardButton.WithCallbackData("Кнопка", data)]]);

    /// <summary>Runs a call that must fail with <typeparamref name="TException"/> and keeps every text of what it threw.</summary>
    private async Task<TException> Expect<TException>(Func<Task> call)
        where TException : Exception
    {
        var error = await Assert.ThrowsAnyAsync<TException>(call);
        thrown.AddRange(Texts(error));
        return error;
    }

    private static IEnumerable<string> Texts(Exception exception)
    {
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        var pending = new Queue<Exception>([exception]);
        while (pending.TryDequeue(out var e))
        {
            if (!seen.Add(e))
            {
                continue;
            }

            yield return e.ToString();
            yield return e.Message;
            yield return e.StackTrace ?? "";
            foreach (DictionaryEntry entry in e.Data)
            {
                yield return $"{entry.Key}={entry.Value}";
            }

            switch (e)
            {
                case ApiRequestException api:
                    yield return api.Description;
                    yield return api.Method;
                    break;
                case BotApiNetworkException network:
                    yield return network.Method;
                    break;
                case RedactedException redacted:
                    yield return redacted.OriginalType;
                    break;
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        pending.Enqueue(inner);
                    }

                    break;
            }

            if (e.InnerException is { } next)
            {
                pending.Enqueue(next);
            }
        }
    }

    /// <summary>Fails when any text holds the token, its URL-escaped form, or its secret half (after the colon).</summary>
    private static void AssertHoldsNoToken(string token, IEnumerable<string> texts)
    {
        var list = texts.ToList();
        AssertHoldsNo(token, "token", list);
        AssertHoldsNo(Uri.EscapeDataString(token), "URL-escaped token", list);
        AssertHoldsNo(token[(token.IndexOf(':') + 1)..], "secret half of the token", list);
    }

    private static void AssertHoldsNo(string secret, string what, IReadOnlyCollection<string> texts)
    {
        Assert.True(secret.Length >= 8, $"'{secret}' is too short to search for.");
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"The {what} appears in: {text}");
            }
        }
    }
}
