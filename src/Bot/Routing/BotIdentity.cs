namespace CollegeBot.Bot.Routing;

/// <summary>The bot's own username: from getMe when running, else <c>Telegram:BotUsername</c>.</summary>
public sealed class BotIdentity
{
    public string? Username { get; set; }
}
