using CollegeBot.Bot.Telegram;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Routing;

/// <summary>Who wrote, where, in which language, and what they wrote after the command name.</summary>
public sealed record CommandContext(
    long UpdateId,
    User From,
    long ChatId,
    Person? Caller,
    string Language,
    string Command,
    string Arguments,
    Message Message)
{
    /// <summary>The caller, for commands that are only routed to linked people.</summary>
    public Person Person => Caller ?? throw new InvalidOperationException($"/{Command} was routed without a linked person.");

    public string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A press of an inline button: the data after the handler's prefix and the message it sits under.</summary>
public sealed record CallbackContext(
    long UpdateId,
    User From,
    long ChatId,
    Person Caller,
    string Language,
    string Data,
    int MessageId,
    CallbackQuery Query)
{
    public string[] Parts => Data.Split(':');
}
