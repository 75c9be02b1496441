using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

public sealed record Message
{
    public required int MessageId { get; init; }
    public User? From { get; init; }
    public required Chat Chat { get; init; }

    /// <summary>Unix seconds; 0 for a message the bot can no longer see (in a callback query).</summary>
    public long Date { get; init; }

    public string? Text { get; init; }
    public MessageEntity[]? Entities { get; init; }
    public string? Caption { get; init; }
    public MessageEntity[]? CaptionEntities { get; init; }

    /// <summary>The same photo in several sizes; <see cref="PhotoSizes.Largest"/> picks the best one.</summary>
    public PhotoSize[]? Photo { get; init; }

    public Document? Document { get; init; }
    public Contact? Contact { get; init; }
    public Message? ReplyToMessage { get; init; }
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    /// <summary>Set on the service message a group leaves behind when it becomes a supergroup.</summary>
    public long? MigrateToChatId { get; init; }

    [JsonIgnore]
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeSeconds(Date);
}

/// <summary>A command, a link, a mention… in a text; offsets and lengths count UTF-16 units, as C# strings do.</summary>
public sealed record MessageEntity
{
    /// <summary><c>bot_command</c>, <c>url</c>, <c>text_link</c>, <c>mention</c>, <c>bold</c>…</summary>
    public required string Type { get; init; }
    public int Offset { get; init; }
    public int Length { get; init; }
    public string? Url { get; init; }
}

public sealed record PhotoSize
{
    public required string FileId { get; init; }
    public required string FileUniqueId { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public long? FileSize { get; init; }
}

public static class PhotoSizes
{
    /// <summary>The size with the most pixels (Telegram lists them small to large, but does not promise it).</summary>
    public static PhotoSize? Largest(this IEnumerable<PhotoSize>? sizes) =>
        sizes?.MaxBy(p => (long)p.Width * p.Height);
}

public sealed record Document
{
    public required string FileId { get; init; }
    public required string FileUniqueId { get; init; }
    public string? FileName { get; init; }
    public string? MimeType { get; init; }
    public long? FileSize { get; init; }
}

/// <summary>A shared phone number: it is the sender's own only when <see cref="UserId"/> equals the sender's id.</summary>
public sealed record Contact
{
    public required string PhoneNumber { get; init; }
    public required string FirstName { get; init; }
    public string? LastName { get; init; }
    public long? UserId { get; init; }
}

/// <summary>What getFile answers: download it from <c>file/bot&lt;token&gt;/{FilePath}</c> within an hour.</summary>
public sealed record TelegramFile
{
    public required string FileId { get; init; }
    public required string FileUniqueId { get; init; }
    public long? FileSize { get; init; }
    public string? FilePath { get; init; }
}
