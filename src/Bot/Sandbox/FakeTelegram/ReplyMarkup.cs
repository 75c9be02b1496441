using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

/// <summary>A checked reply_markup: an inline keyboard, a reply keyboard, a removal or a force-reply.</summary>
internal sealed record ReplyMarkup(
    string RawJson,
    IReadOnlyList<IReadOnlyList<BotButton>> Inline,
    IReadOnlyList<IReadOnlyList<ReplyKeyboardButton>>? Keyboard,
    bool RemoveKeyboard)
{
    private const string Unreadable = "can't parse reply keyboard markup JSON object";

    private static readonly string[] InlineActions =
    [
        "callback_data", "url", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "callback_game", "pay", "web_app", "copy_text",
    ];

    public bool IsInline => Inline.Count > 0;

    /// <summary>What Message.reply_markup shows: Telegram echoes only inline keyboards.</summary>
    public JsonNode? MessageJson() => IsInline ? JsonNode.Parse(RawJson) : null;

    public static ReplyMarkup? Read(ApiRequest request)
    {
        var node = request.Json("reply_markup", Unreadable);
        return node is null ? null : Parse(node);
    }

    public static ReplyMarkup Parse(JsonNode node)
    {
        if (node is not JsonObject markup)
        {
            throw ApiException.BadRequest(Unreadable);
        }

        if (markup["inline_keyboard"] is { } inline)
        {
            var rows = ReadRows(inline, "InlineKeyboardMarkup", "inline_keyboard", InlineButton);
            var json = Json.Obj(("inline_keyboard", Json.Array(rows.Select(r => (JsonNode?)Json.Array(r.Select(b => (JsonNode?)Json.Obj(
                ("text", b.Text), ("callback_data", b.CallbackData), ("url", b.Url))))))));
            return new ReplyMarkup(Json.Write(json), rows.Select(r => (IReadOnlyList<BotButton>)r.ToArray()).ToArray(), null, false);
        }

        if (markup["keyboard"] is { } keyboard)
        {
            var rows = ReadRows(keyboard, "ReplyKeyboardMarkup", "keyboard", KeyboardButton);
            return new ReplyMarkup(Json.Write(markup), [], rows.Select(r => (IReadOnlyList<ReplyKeyboardButton>)r.ToArray()).ToArray(), false);
        }

        if (IsTrue(markup["remove_keyboard"]))
        {
            return new ReplyMarkup(Json.Write(markup), [], null, true);
        }

        if (IsTrue(markup["force_reply"]))
        {
            return new ReplyMarkup(Json.Write(markup), [], null, false);
        }

        throw ApiException.BadRequest(Unreadable);
    }

    private static List<List<T>> ReadRows<T>(JsonNode node, string type, string field, Func<JsonNode?, T> readButton)
    {
        if (node is not JsonArray rows || rows.Any(r => r is not JsonArray))
        {
            throw ApiException.BadRequest($"field \"{field}\" of the {type} must be an Array of Arrays");
        }

        return rows.Select(r => r!.AsArray().Select(readButton).ToList()).ToList();
    }

    private static BotButton InlineButton(JsonNode? node)
    {
        if (node is not JsonObject button)
        {
            throw ApiException.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        }

        var text = TextOf(button["text"], "inline keyboard button");
        var actions = InlineActions.Where(a => button[a] is not null && !IsEmptyString(button[a])).ToList();
        if (actions.Count == 0)
        {
            throw ApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        if (actions.Count > 1)
        {
            throw ApiException.BadRequest("can't parse inline keyboard button: exactly one action field must be used");
        }

        var data = StringOf(button["callback_data"]);
        if (data is not null && Encoding.UTF8.GetByteCount(data) > 64)
        {
            throw ApiException.BadRequest("BUTTON_DATA_INVALID");
        }

        var url = StringOf(button["url"]);
        if (url is not null && !IsButtonUrl(url))
        {
            throw ApiException.BadRequest($"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL");
        }

        return new BotButton(text, data, url);
    }

    private static ReplyKeyboardButton KeyboardButton(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return new ReplyKeyboardButton(TextOf(value, "keyboard button"), false);
        }

        if (node is not JsonObject button)
        {
            throw ApiException.BadRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
        }

        return new ReplyKeyboardButton(TextOf(button["text"], "keyboard button"), IsTrue(button["request_contact"]));
    }

    private static string TextOf(JsonNode? node, string what)
    {
        var text = StringOf(node) ?? throw ApiException.BadRequest($"can't parse {what}: Field \"text\" must be of type String");
        return text.Trim().Length == 0
            ? throw ApiException.BadRequest($"can't parse {what}: Text must be non-empty")
            : text;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsEmptyString(JsonNode? node) => StringOf(node) is "";

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue v && (v.GetValueKind() == JsonValueKind.True || StringOf(v) is "true");

    private static bool IsButtonUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" && !string.IsNullOrEmpty(uri.Host);
}
