namespace CollegeBot.Bot.Telegram;

/// <summary>
/// Takes the bot token out of text that came from elsewhere (an exception, a body a proxy echoed), since the token
/// travels in every URL and whoever holds it controls the bot.
/// </summary>
public static class TokenRedactor
{
    public const string Mask = "***";

    public static string Redact(string? text, string? token)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(token))
        {
            return text ?? "";
        }

        var result = text.Replace(token, Mask, StringComparison.Ordinal);
        var escaped = Uri.EscapeDataString(token);
        if (escaped != token)
        {
            result = result.Replace(escaped, Mask, StringComparison.OrdinalIgnoreCase);
        }

        // The part after the colon is the secret; the number before it is only the bot's public user id.
        var colon = token.IndexOf(':');
        if (colon >= 0 && token.Length - colon - 1 >= 8)
        {
            result = result.Replace(token[(colon + 1)..], Mask, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>A stand-in for an exception that may mention the token: same type name and text, token masked.</summary>
    public static Exception RedactedCopy(Exception exception, string? token) =>
        new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, Redact(exception.Message, token), Redact(exception.ToString(), token));
}

/// <summary>Carries an original exception's description (its ToString, chain and stack included) with the token masked.</summary>
internal sealed class RedactedException(string originalType, string message, string details) : Exception(message)
{
    public string OriginalType { get; } = originalType;

    public override string? StackTrace => null;

    public override string ToString() => details;
}
