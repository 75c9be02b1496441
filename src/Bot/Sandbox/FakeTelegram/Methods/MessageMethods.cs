using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

/// <summary>sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage and sendChatAction.</summary>
internal sealed class MessageMethods(FakeState state)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private static readonly HashSet<string> ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    public JsonNode SendMessage(ApiRequest r)
    {
        lock (state.Gate)
        {
            var chat = state.WritableChat(r);
            var parseMode = MessageText.ParseMode(r);
            var text = MessageText.ForText(r);
            var markup = ReplyMarkup.Read(r);
            var replyTo = ReplyTarget(chat, r);
            state.TakeRateSlot(chat.Id);
            var message = state.AddMessage(chat, sender: null, m =>
            {
                m.Text = text.Text;
                m.Entities = text.Entities;
                m.RawText = r.String("text");
                m.ParseMode = parseMode;
                m.Markup = markup;
                m.ReplyToMessageId = replyTo;
                ApplySendOptions(m, r);
            });
            state.Record(BotOperationKind.Sent, "sendMessage", message);
            return message.ToJson(chat, state.BotUser());
        }
    }

    public JsonNode EditMessageText(ApiRequest r)
    {
        lock (state.Gate)
        {
            var (chat, message) = EditTarget(r);
            if (message.Text is null)
            {
                throw ApiException.BadRequest("there is no text in the message to edit");
            }

            var parseMode = MessageText.ParseMode(r);
            var text = MessageText.ForText(r);
            var markup = InlineMarkup(r);
            if (text.Text == message.Text && text.Entities.SequenceEqual(message.Entities) && SameInline(markup, message.Markup))
            {
                throw ApiException.BadRequest(NotModified);
            }

            state.TakeRateSlot(chat.Id);
            message.Text = text.Text;
            message.Entities = text.Entities;
            message.RawText = r.String("text");
            message.ParseMode = parseMode;
            if (r.Has("link_preview_options") || r.Has("disable_web_page_preview"))
            {
                message.LinkPreviewDisabled = LinkPreviewDisabled(r);
            }

            return Edited(chat, message, markup, "editMessageText");
        }
    }

    public JsonNode EditMessageReplyMarkup(ApiRequest r)
    {
        lock (state.Gate)
        {
            var (chat, message) = EditTarget(r);
            var markup = InlineMarkup(r);
            if (SameInline(markup, message.Markup))
            {
                throw ApiException.BadRequest(NotModified);
            }

            state.TakeRateSlot(chat.Id);
            return Edited(chat, message, markup, "editMessageReplyMarkup");
        }
    }

    public JsonNode DeleteMessage(ApiRequest r)
    {
        lock (state.Gate)
        {
            var chat = state.WritableChat(r);
            var id = r.Long("message_id") ?? throw ApiException.BadRequest("message identifier is not specified");
            if (!chat.Messages.TryGetValue((int)id, out var message) || message.Deleted)
            {
                throw ApiException.BadRequest("message to delete not found");
            }

            message.Deleted = true;
            state.Record(BotOperationKind.Deleted, "deleteMessage", message);
            return true;
        }
    }

    public JsonNode SendChatAction(ApiRequest r)
    {
        lock (state.Gate)
        {
            state.WritableChat(r);
            return ChatActions.Contains(r.String("action") ?? "")
                ? true
                : throw ApiException.BadRequest("wrong parameter action in request");
        }
    }

    /// <summary>The message id this send replies to, from reply_parameters or the older reply_to_message_id.</summary>
    public static int? ReplyTarget(ChatState chat, ApiRequest r)
    {
        var parameters = r.Json("reply_parameters", "can't parse reply parameters JSON object") as JsonObject;
        var id = parameters?["message_id"]?.GetValue<long>() ?? r.Long("reply_to_message_id");
        if (id is null)
        {
            return null;
        }

        var allowMissing = parameters?["allow_sending_without_reply"]?.GetValue<bool>() ?? r.Bool("allow_sending_without_reply");
        if (chat.Messages.TryGetValue((int)id, out var target) && !target.Deleted)
        {
            return (int)id;
        }

        return allowMissing ? null : throw ApiException.BadRequest("message to be replied not found");
    }

    public static void ApplySendOptions(StoredMessage message, ApiRequest r)
    {
        message.DisableNotification = r.Bool("disable_notification");
        message.LinkPreviewDisabled = LinkPreviewDisabled(r);
    }

    private static bool LinkPreviewDisabled(ApiRequest r) =>
        r.Json("link_preview_options", "can't parse link preview options JSON object") is JsonObject options
            ? options["is_disabled"]?.GetValue<bool>() ?? false
            : r.Bool("disable_web_page_preview");

    private (ChatState Chat, StoredMessage Message) EditTarget(ApiRequest r)
    {
        if (r.Has("inline_message_id"))
        {
            throw ApiException.BadRequest("MESSAGE_ID_INVALID");
        }

        var chat = state.WritableChat(r);
        return (chat, FakeState.EditableMessage(chat, r));
    }

    private static ReplyMarkup? InlineMarkup(ApiRequest r)
    {
        var markup = ReplyMarkup.Read(r);
        return markup is null || markup.IsInline ? markup : throw ApiException.BadRequest("inline keyboard expected");
    }

    private static bool SameInline(ReplyMarkup? proposed, ReplyMarkup? current) =>
        (proposed is { IsInline: true } ? proposed.RawJson : null) == (current is { IsInline: true } ? current.RawJson : null);

    private JsonNode Edited(ChatState chat, StoredMessage message, ReplyMarkup? markup, string method)
    {
        // An edit without reply_markup removes the inline keyboard, as in Telegram; a reply keyboard stays.
        if (markup is not null || message.Markup is { IsInline: true })
        {
            message.Markup = markup;
        }

        message.EditCount++;
        message.EditDate = state.Now;
        state.Record(BotOperationKind.Edited, method, message);
        return message.ToJson(chat, state.BotUser());
    }
}
