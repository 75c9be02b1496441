namespace CollegeBot.Bot.Telegram;

/// <summary>
/// The Bot API refused a call (<c>"ok": false</c>), or something that was not the Bot API answered in its place
/// (then <see cref="ErrorCode"/> is the HTTP status).
/// </summary>
public sealed class ApiRequestException : Exception
{
    public ApiRequestException(string method, int errorCode, string description, ResponseParameters? parameters = null)
        : base($"{method}: {errorCode} {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        Parameters = parameters;
    }

    /// <summary>The Bot API method that failed (never the URL: that holds the token).</summary>
    public string Method { get; }

    /// <summary>Telegram's error_code, which follows HTTP statuses (400, 401, 403, 409, 429, 5xx).</summary>
    public int ErrorCode { get; }

    /// <summary>Telegram's text, such as <c>Forbidden: bot was blocked by the user</c>.</summary>
    public string Description { get; }

    public ResponseParameters? Parameters { get; }

    /// <summary>Seconds to wait before calling again; with a 429, everything waits, then the same call is repeated.</summary>
    public int? RetryAfter => Parameters?.RetryAfter;

    /// <summary>The group became this supergroup: store the new id and send there.</summary>
    public long? MigrateToChatId => Parameters?.MigrateToChatId;

    /// <summary>403: blocked by the person, the account is deleted, or the bot was removed from the group.</summary>
    public bool IsBlocked => ErrorCode == 403;

    /// <summary>401: the token is wrong or was revoked; nothing will work until it is replaced.</summary>
    public bool IsUnauthorized => ErrorCode == 401;

    /// <summary>409: another instance polls with the same token, or a webhook is set while we poll.</summary>
    public bool IsConflict => ErrorCode == 409;

    public bool IsTooManyRequests => ErrorCode == 429;

    /// <summary>Worth repeating later: a 429 (after <see cref="RetryAfter"/>) or a server-side 5xx.</summary>
    public bool IsRetryable => ErrorCode == 429 || ErrorCode >= 500;

    /// <summary>The edit changed nothing: the message already shows it, so the edit has in effect succeeded.</summary>
    public bool IsMessageNotModified => Is400("message is not modified");

    /// <summary>The callback query was answered too late (or twice).</summary>
    public bool IsQueryTooOld => Is400("query is too old");

    /// <summary>The person never opened the bot, or the chat id is wrong.</summary>
    public bool IsChatNotFound => Is400("chat not found");

    /// <summary>HTML in the text was not valid or not escaped.</summary>
    public bool IsCantParseEntities => Is400("can't parse entities");

    /// <summary>Bots may only download files up to 20 MB.</summary>
    public bool IsFileTooBig => Is400("file is too big");

    private bool Is400(string text) => ErrorCode == 400 && Description.Contains(text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// No answer came: the connection failed, broke, or the call took longer than its timeout. The call may still have
/// reached Telegram (a message may arrive), so repeat it sparingly.
/// </summary>
public sealed class BotApiNetworkException : Exception
{
    /// <param name="innerException">Must not hold the bot token anywhere (see <see cref="TokenRedactor"/>).</param>
    public BotApiNetworkException(string method, string message, bool isTimeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        IsTimeout = isTimeout;
    }

    public string Method { get; }

    /// <summary>The call ran out of time (rather than failing to connect or breaking off).</summary>
    public bool IsTimeout { get; }
}
