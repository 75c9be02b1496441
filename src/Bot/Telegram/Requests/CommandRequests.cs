using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

/// <summary>Sets the command menu for a scope and, optionally, a language (a two-letter ISO 639-1 code).</summary>
public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands) : IBotRequest<bool>
{
    [JsonIgnore] public string MethodName => "setMyCommands";

    public BotCommandScope? Scope { get; init; }
    public string? LanguageCode { get; init; }
}

/// <summary>Removes the menu of a scope and language, so a wider scope's menu shows again.</summary>
public sealed record DeleteMyCommandsRequest : IBotRequest<bool>
{
    [JsonIgnore] public string MethodName => "deleteMyCommands";

    public BotCommandScope? Scope { get; init; }
    public string? LanguageCode { get; init; }
}
