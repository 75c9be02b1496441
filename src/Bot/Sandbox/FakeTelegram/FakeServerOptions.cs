namespace CollegeBot.FakeTelegram;

/// <summary>Settings of a <see cref="FakeBotApiServer"/>. Every one has a default that suits most tests.</summary>
public sealed class FakeServerOptions
{
    /// <summary>The token the server accepts when none is given.</summary>
    public const string DefaultToken = "123456789:AAFakeTokenForTests_abcdefghijklmnopq";

    /// <summary>The only token the server accepts; any other answers 401 <c>Unauthorized</c>.
    /// The part before ':' becomes the bot's user id.</summary>
    public string Token { get; init; } = DefaultToken;

    /// <summary>The bot's username, without '@'.</summary>
    public string BotUsername { get; init; } = "college_test_bot";

    /// <summary>The bot's first name, as getMe answers it.</summary>
    public string BotFirstName { get; init; } = "College Test Bot";

    /// <summary>Whether sends and edits beyond the rates below answer 429. Can be changed later through
    /// <see cref="FakeBotApiServer.EnforceRateLimits"/>.</summary>
    public bool EnforceRateLimits { get; init; } = true;

    /// <summary>Sends and edits per chat per second, refilled continuously (a token bucket).</summary>
    public double PerChatPerSecond { get; init; } = 1;

    /// <summary>How many sends a chat may take at once before <see cref="PerChatPerSecond"/> applies;
    /// 1 means strictly one per second.</summary>
    public int PerChatBurst { get; init; } = 1;

    /// <summary>Sends and edits over all chats within any rolling second.</summary>
    public int GlobalPerSecond { get; init; } = 30;

    /// <summary>How long after a button press answerCallbackQuery is still accepted.</summary>
    public TimeSpan CallbackAnswerDeadline { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock for message dates, rate windows and the callback deadline. Long-poll timeouts,
    /// <see cref="FakeBotApiServer.SetDelay"/> and the Wait* methods use real time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long the Wait* methods wait when the test gives no timeout.</summary>
    public TimeSpan DefaultWaitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether setWebhook insists, like Telegram, on HTTPS and ports 443, 80, 88 or 8443.
    /// Turn it off to point a delivering webhook at a plain local listener.</summary>
    public bool ValidateWebhookUrl { get; init; } = true;

    /// <summary>Whether the server POSTs pending updates to the webhook URL once one is set.</summary>
    public bool DeliverWebhooks { get; init; }

    /// <summary>The pause before a failed webhook delivery is tried again.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Options for tests that don't test rates: generous limits, everything else default.</summary>
    public static FakeServerOptions Generous() => new()
    {
        PerChatPerSecond = 1000,
        PerChatBurst = 1000,
        GlobalPerSecond = 10_000,
    };

    internal long BotId =>
        long.TryParse(Token.Split(':')[0], out var id) && id > 0 ? id : 123456789;
}
