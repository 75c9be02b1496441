using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

/// <summary>One chat: its messages (the bot's and the person's share one id sequence, as in Telegram) and
/// what stops the bot from writing there. Guarded by the state lock.</summary>
internal sealed class ChatState
{
    public required long Id { get; init; }
    public required string Type { get; init; }
    public FakeUser? User { get; init; }
    public string? Title { get; init; }
    public int LastMessageId { get; set; }
    public SortedDictionary<int, StoredMessage> Messages { get; } = [];
    public HashSet<int> ConsumedMessages { get; } = [];
    public bool BlockedByUser { get; set; }
    public bool Deactivated { get; set; }
    public string? ForbiddenDescription { get; set; }
    public long? MigratedTo { get; set; }
    public int SentCount { get; set; }

    /// <summary>The 403 description the bot gets when it writes here, or null.</summary>
    public string? Forbidden =>
        Deactivated ? "Forbidden: user is deactivated"
        : BlockedByUser ? "Forbidden: bot was blocked by the user"
        : ForbiddenDescription;

    public IEnumerable<StoredMessage> BotMessages => Messages.Values.Where(m => m.FromBot);

    public JsonObject ToJson() => User is { } u
        ? Json.Obj(("id", Id), ("first_name", u.FirstName), ("last_name", u.LastName), ("username", u.Username), ("type", Type))
        : Json.Obj(("id", Id), ("title", Title), ("type", Type));
}

/// <summary>The current state of one message. Guarded by the state lock.</summary>
internal sealed class StoredMessage
{
    public required long ChatId { get; init; }
    public required int MessageId { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required long Sequence { get; init; }

    /// <summary>The person who sent it; null for the bot's own messages.</summary>
    public FakeUser? Sender { get; init; }

    public bool FromBot => Sender is null;
    public string? Text { get; set; }
    public string? RawText { get; set; }
    public string? ParseMode { get; set; }
    public string? Caption { get; set; }
    public IReadOnlyList<BotEntity> Entities { get; set; } = [];
    public ReplyMarkup? Markup { get; set; }
    public BotDocument? Document { get; set; }
    public IReadOnlyList<BotPhotoSize>? Photo { get; set; }
    public JsonObject? Contact { get; set; }
    public bool DisableNotification { get; set; }
    public bool LinkPreviewDisabled { get; set; }
    public int? ReplyToMessageId { get; set; }
    public int EditCount { get; set; }
    public DateTimeOffset? EditDate { get; set; }
    public bool Deleted { get; set; }

    public JsonObject ToJson(ChatState chat, JsonObject botUser, bool withReply = true)
    {
        var entities = Json.Entities(Entities);
        var result = Json.Obj(
            ("message_id", MessageId),
            ("from", Sender is null ? botUser.DeepClone() : Json.User(Sender)),
            ("chat", chat.ToJson()),
            ("date", Date.ToUnixTimeSeconds()),
            ("edit_date", EditDate?.ToUnixTimeSeconds()),
            ("text", Text),
            ("entities", Text is not null ? entities : null),
            ("caption", Caption),
            ("caption_entities", Text is null ? entities : null),
            ("document", Document is null ? null : Json.Document(Document)),
            ("photo", Photo is null ? null : Json.Photo(Photo)),
            ("contact", Contact?.DeepClone()),
            ("link_preview_options", LinkPreviewDisabled ? Json.Obj(("is_disabled", true)) : null),
            ("reply_markup", Markup?.MessageJson()));
        if (withReply && ReplyToMessageId is { } replyId && chat.Messages.TryGetValue(replyId, out var replied))
        {
            result["reply_to_message"] = replied.ToJson(chat, botUser, withReply: false);
        }

        return result;
    }

    public BotMessage Snapshot() => new()
    {
        ChatId = ChatId,
        MessageId = MessageId,
        Date = Date,
        Text = Text,
        RawText = RawText,
        ParseMode = ParseMode,
        Entities = Entities,
        Caption = Caption,
        InlineKeyboard = Markup?.Inline ?? [],
        ReplyKeyboard = Markup?.Keyboard,
        RemovesReplyKeyboard = Markup?.RemoveKeyboard ?? false,
        ReplyMarkupJson = Markup?.RawJson,
        Document = Document,
        Photo = Photo,
        DisableNotification = DisableNotification,
        LinkPreviewDisabled = LinkPreviewDisabled,
        ReplyToMessageId = ReplyToMessageId,
        EditCount = EditCount,
        EditDate = EditDate,
        IsDeleted = Deleted,
    };
}
