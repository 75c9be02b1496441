using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

/// <summary>One incoming update; at most one of its payloads is set (none when it is of a kind we do not model).</summary>
public sealed record Update
{
    public required long UpdateId { get; init; }
    public Message? Message { get; init; }
    public Message? EditedMessage { get; init; }
    public CallbackQuery? CallbackQuery { get; init; }
    public ChatMemberUpdated? MyChatMember { get; init; }

    /// <summary>The Bot API's name of the payload (see <see cref="UpdateType"/>), or <c>unknown</c>.</summary>
    [JsonIgnore]
    public string Kind =>
        Message is not null ? UpdateType.Message
        : EditedMessage is not null ? UpdateType.EditedMessage
        : CallbackQuery is not null ? UpdateType.CallbackQuery
        : MyChatMember is not null ? UpdateType.MyChatMember
        : UpdateType.Unknown;

    /// <summary>The chat the update belongs to, to handle one chat's updates in order.</summary>
    [JsonIgnore]
    public Chat? Chat => Message?.Chat ?? EditedMessage?.Chat ?? CallbackQuery?.Message?.Chat ?? MyChatMember?.Chat;

    /// <summary>The person who caused the update.</summary>
    [JsonIgnore]
    public User? From => Message?.From ?? EditedMessage?.From ?? CallbackQuery?.From ?? MyChatMember?.From;
}

/// <summary>Names of update kinds, as in <c>allowed_updates</c>.</summary>
public static class UpdateType
{
    public const string Message = "message";
    public const string EditedMessage = "edited_message";
    public const string CallbackQuery = "callback_query";
    public const string MyChatMember = "my_chat_member";

    /// <summary>Not a Bot API name: an update whose payload we do not model (or could not read).</summary>
    public const string Unknown = "unknown";

    /// <summary>The kinds the bot handles, for getUpdates and setWebhook.</summary>
    public static IReadOnlyList<string> Handled { get; } = [Message, CallbackQuery, MyChatMember];
}

/// <summary>The bot's own membership changed; in a private chat, <c>kicked</c> means the person blocked the bot.</summary>
public sealed record ChatMemberUpdated
{
    public required Chat Chat { get; init; }
    public required User From { get; init; }
    public long Date { get; init; }
    public required ChatMember OldChatMember { get; init; }
    public required ChatMember NewChatMember { get; init; }
}

public sealed record ChatMember
{
    /// <summary>One of <see cref="ChatMemberStatus"/>.</summary>
    public required string Status { get; init; }
    public required User User { get; init; }

    /// <summary>Left on its own or removed (in a private chat: the person blocked the bot).</summary>
    [JsonIgnore]
    public bool IsGone => Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked;
}

public static class ChatMemberStatus
{
    public const string Creator = "creator";
    public const string Administrator = "administrator";
    public const string Member = "member";
    public const string Restricted = "restricted";
    public const string Left = "left";
    public const string Kicked = "kicked";
}
