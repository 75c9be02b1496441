namespace CollegeBot.Bot.Telegram;

/// <summary>An entry of the command menu: <see cref="Command"/> is 1-32 of a-z 0-9 _, without the slash.</summary>
public sealed record BotCommand(string Command, string Description);

/// <summary>Whom a command menu is for; the most specific scope that exists wins.</summary>
public sealed record BotCommandScope(string Type)
{
    /// <summary>Only with the <c>chat</c> type.</summary>
    public long? ChatId { get; init; }

    public static BotCommandScope Default() => new("default");

    public static BotCommandScope AllPrivateChats() => new("all_private_chats");

    public static BotCommandScope Chat(long chatId) => new("chat") { ChatId = chatId };
}
