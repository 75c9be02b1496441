using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

public sealed record SendMessageRequest(long ChatId, string Text) : IBotRequest<Message>
{
    [JsonIgnore] public string MethodName => "sendMessage";

    /// <summary><see cref="Telegram.ParseMode.Html"/> or null for plain text.</summary>
    public string? ParseMode { get; init; }

    public ReplyMarkup? ReplyMarkup { get; init; }
    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
    public bool? DisableNotification { get; init; }
    public ReplyParameters? ReplyParameters { get; init; }
}

/// <summary>Result: the edited message, or null when Telegram answers just <c>true</c> (inline messages).</summary>
public sealed record EditMessageTextRequest(long ChatId, int MessageId, string Text) : IBotRequest<Message?>
{
    [JsonIgnore] public string MethodName => "editMessageText";

    public string? ParseMode { get; init; }

    /// <summary>Only inline buttons can be edited; null takes the buttons away.</summary>
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
}

/// <summary>Result: the edited message, or null when Telegram answers just <c>true</c> (inline messages).</summary>
public sealed record EditMessageReplyMarkupRequest(long ChatId, int MessageId) : IBotRequest<Message?>
{
    [JsonIgnore] public string MethodName => "editMessageReplyMarkup";

    /// <summary>Null takes the buttons away.</summary>
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}

/// <summary>Stops the spinner on the pressed button; <see cref="Text"/> (0-200 chars) shows as a toast or alert.</summary>
public sealed record AnswerCallbackQueryRequest(string CallbackQueryId) : IBotRequest<bool>
{
    [JsonIgnore] public string MethodName => "answerCallbackQuery";

    public string? Text { get; init; }
    public bool? ShowAlert { get; init; }
}
