namespace CollegeBot.FakeTelegram;

/// <summary>A Telegram user the test acts as. Their private chat with the bot has the same id.</summary>
public sealed record FakeUser(long Id, string FirstName, string? LastName, string? Username, string? LanguageCode)
{
    /// <summary>The id of the user's private chat with the bot (equal to <see cref="Id"/>).</summary>
    public long ChatId => Id;
}

/// <summary>A message a test user sent, as queued for the bot.</summary>
public sealed record UserMessage(long ChatId, int MessageId, long UpdateId);

/// <summary>An inline keyboard button.</summary>
public sealed record BotButton(string Text, string? CallbackData, string? Url);

/// <summary>A reply keyboard button.</summary>
public sealed record ReplyKeyboardButton(string Text, bool RequestContact);

/// <summary>A formatting entity, offsets in UTF-16 units.</summary>
public sealed record BotEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null);

/// <summary>A document the bot sent.</summary>
public sealed record BotDocument(string FileId, string FileUniqueId, string? FileName, string? MimeType, long FileSize);

/// <summary>One size of a photo the bot sent.</summary>
public sealed record BotPhotoSize(string FileId, string FileUniqueId, int Width, int Height, long FileSize);

/// <summary>A bot command as set by setMyCommands.</summary>
public sealed record BotCommandInfo(string Command, string Description);

/// <summary>A snapshot of one message the bot sent, as the chat shows it at the moment it was taken.</summary>
public sealed record BotMessage
{
    public required long ChatId { get; init; }
    public required int MessageId { get; init; }
    public required DateTimeOffset Date { get; init; }

    /// <summary>The text as the person sees it: tags removed, character entities decoded, trimmed.</summary>
    public string? Text { get; init; }

    /// <summary>The text or caption exactly as the bot sent it (with its HTML).</summary>
    public string? RawText { get; init; }

    public string? ParseMode { get; init; }

    /// <summary>The entities of <see cref="Text"/> or of <see cref="Caption"/>.</summary>
    public IReadOnlyList<BotEntity> Entities { get; init; } = [];

    public string? Caption { get; init; }

    /// <summary>The inline keyboard, row by row; empty when there is none.</summary>
    public IReadOnlyList<IReadOnlyList<BotButton>> InlineKeyboard { get; init; } = [];

    /// <summary>The reply keyboard this message showed, if any.</summary>
    public IReadOnlyList<IReadOnlyList<ReplyKeyboardButton>>? ReplyKeyboard { get; init; }

    /// <summary>Whether this message carried <c>remove_keyboard</c>.</summary>
    public bool RemovesReplyKeyboard { get; init; }

    /// <summary>The reply_markup as sent (JSON), if any.</summary>
    public string? ReplyMarkupJson { get; init; }

    public BotDocument? Document { get; init; }
    public IReadOnlyList<BotPhotoSize>? Photo { get; init; }
    public bool DisableNotification { get; init; }
    public bool LinkPreviewDisabled { get; init; }
    public int? ReplyToMessageId { get; init; }
    public int EditCount { get; init; }
    public DateTimeOffset? EditDate { get; init; }
    public bool IsDeleted { get; init; }

    /// <summary>All inline buttons, row after row.</summary>
    public IEnumerable<BotButton> Buttons => InlineKeyboard.SelectMany(row => row);

    /// <summary>The text, or the caption when there is no text.</summary>
    public string? TextOrCaption => Text ?? Caption;

    /// <summary>The inline button whose text, or else whose callback data, equals the argument.</summary>
    public BotButton? FindButton(string textOrCallbackData) =>
        Buttons.FirstOrDefault(b => b.Text == textOrCallbackData)
        ?? Buttons.FirstOrDefault(b => b.CallbackData == textOrCallbackData);

    public override string ToString()
    {
        var body = TextOrCaption ?? (Document is not null ? $"[document {Document.FileName}]" : Photo is not null ? "[photo]" : "");
        var buttons = InlineKeyboard.Count == 0 ? "" : " [" + string.Join(" | ", Buttons.Select(b => b.Text)) + "]";
        return $"#{MessageId} \"{body}\"{buttons}";
    }
}

/// <summary>An answerCallbackQuery the bot made.</summary>
public sealed record CallbackAnswer(
    string CallbackQueryId, long UserId, string? Data, string? Text, bool ShowAlert, string? Url, DateTimeOffset AnsweredAt);

/// <summary>One HTTP request the server answered. <see cref="HttpStatus"/> is 0 when the connection was dropped.</summary>
public sealed record RecordedRequest(
    string Method, long? ChatId, DateTimeOffset Time, int HttpStatus, string? Error, int? RetryAfter, string ParametersJson)
{
    public bool Succeeded => HttpStatus == 200;
}

public enum BotOperationKind
{
    Sent,
    Edited,
    Deleted,
}

/// <summary>One change the bot made to a chat, with the message as it stood right after.</summary>
public sealed record BotOperation(
    long Sequence, BotOperationKind Kind, string Method, long ChatId, int MessageId, DateTimeOffset Time, BotMessage Message);

/// <summary>Names of command scopes as <see cref="FakeBotApiServer.CommandsFor"/> takes them.</summary>
public static class CommandScopes
{
    public const string Default = "default";
    public const string AllPrivateChats = "all_private_chats";
    public const string AllGroupChats = "all_group_chats";
    public const string AllChatAdministrators = "all_chat_administrators";

    public static string Chat(long chatId) => $"chat:{chatId}";
    public static string ChatAdministrators(long chatId) => $"chat_administrators:{chatId}";
    public static string ChatMember(long chatId, long userId) => $"chat_member:{chatId}:{userId}";
}
