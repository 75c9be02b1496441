namespace CollegeBot.Bot.Telegram;

/// <summary>How the bot talks to Telegram (section <c>Telegram</c>).</summary>
/// <remarks>
/// Not validated here: the <c>import</c> verb runs without a token, so the host validates what it needs when the
/// bot itself starts.
/// </remarks>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>From BotFather; set it with the environment variable <c>Telegram__BotToken</c>. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Bot API server for tests, the offline demo or a local server.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Used in invite links when the bot is not running; otherwise getMe tells it.</summary>
    public string? BotUsername { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    public string? WebhookUrl { get; set; }

    /// <summary>Telegram echoes it in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1-256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The <c>timeout</c> of a long poll (getUpdates).</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>How long any call may take; a long poll gets its own poll timeout on top of this.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
}

public enum TelegramMode
{
    Polling,
    Webhook,
}
