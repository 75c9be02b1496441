using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

public sealed record User
{
    public required long Id { get; init; }
    public bool IsBot { get; init; }
    public required string FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Username { get; init; }

    /// <summary>IETF tag of the person's app language ("ru", "en-US"); often missing.</summary>
    public string? LanguageCode { get; init; }
}

public sealed record Chat
{
    public required long Id { get; init; }

    /// <summary>One of <see cref="ChatType"/>.</summary>
    public required string Type { get; init; }

    public string? Title { get; init; }
    public string? Username { get; init; }
    public string? FirstName { get; init; }

    [JsonIgnore]
    public bool IsPrivate => Type == ChatType.Private;
}

public static class ChatType
{
    public const string Private = "private";
    public const string Group = "group";
    public const string Supergroup = "supergroup";
    public const string Channel = "channel";
}

/// <summary>A press on an inline button: answer it quickly, or the person's app keeps spinning.</summary>
public sealed record CallbackQuery
{
    public required string Id { get; init; }
    public required User From { get; init; }

    /// <summary>The message with the button; its <c>date</c> is 0 when the bot can no longer see it.</summary>
    public Message? Message { get; init; }

    public string? Data { get; init; }
    public string? ChatInstance { get; init; }
}
