namespace CollegeBot.Bot.Telegram;

public sealed record LinkPreviewOptions
{
    public bool? IsDisabled { get; init; }

    public static LinkPreviewOptions Disabled { get; } = new() { IsDisabled = true };
}

/// <summary>Makes the sent message a reply to another message in the same chat.</summary>
public sealed record ReplyParameters(int MessageId)
{
    /// <summary>Send anyway when the replied-to message is gone.</summary>
    public bool? AllowSendingWithoutReply { get; init; }
}

/// <summary>The <c>parameters</c> of an error answer: how to make the call succeed.</summary>
public sealed record ResponseParameters
{
    /// <summary>Seconds to wait before calling again (429).</summary>
    public int? RetryAfter { get; init; }

    /// <summary>The group became this supergroup: send there instead.</summary>
    public long? MigrateToChatId { get; init; }
}

/// <summary>Values of <c>parse_mode</c>.</summary>
public static class ParseMode
{
    /// <summary>Only b i u s a code pre blockquote tg-spoiler; every other &lt; &gt; &amp; must be escaped.</summary>
    public const string Html = "HTML";
}

public sealed record WebhookInfo
{
    /// <summary>Empty when no webhook is set (the bot uses getUpdates).</summary>
    public string Url { get; init; } = "";
    public bool HasCustomCertificate { get; init; }
    public int PendingUpdateCount { get; init; }
    public string? IpAddress { get; init; }
    public long? LastErrorDate { get; init; }
    public string? LastErrorMessage { get; init; }
    public int? MaxConnections { get; init; }
    public string[]? AllowedUpdates { get; init; }
}
