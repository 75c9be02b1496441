using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

/// <summary>Turns a text or caption parameter into what the chat shows, with Telegram's checks.</summary>
internal static class MessageText
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    /// <summary>Parses, trims and checks a message text.</summary>
    public static ParsedText ForText(ApiRequest request)
    {
        var parsed = Format(request, "text", "entities");
        if (parsed.Text.Length == 0)
        {
            throw ApiException.BadRequest("message text is empty");
        }

        if (parsed.Text.Length > MaxTextLength)
        {
            throw ApiException.BadRequest("message is too long");
        }

        return parsed;
    }

    /// <summary>Parses, trims and checks a caption; null when there is none.</summary>
    public static ParsedText? ForCaption(ApiRequest request)
    {
        var parsed = Format(request, "caption", "caption_entities");
        if (parsed.Text.Length == 0)
        {
            return null;
        }

        if (parsed.Text.Length > MaxCaptionLength)
        {
            throw ApiException.BadRequest("message caption is too long");
        }

        return parsed;
    }

    /// <summary>The parse_mode as Telegram spells it, or null; any other value is an error.</summary>
    public static string? ParseMode(ApiRequest request)
    {
        var mode = request.String("parse_mode");
        if (string.IsNullOrEmpty(mode))
        {
            return null;
        }

        return mode.ToLowerInvariant() switch
        {
            "html" => "HTML",
            "markdown" => "Markdown",
            "markdownv2" => "MarkdownV2",
            _ => throw ApiException.BadRequest("unsupported parse_mode"),
        };
    }

    private static ParsedText Format(ApiRequest request, string textName, string entitiesName)
    {
        var raw = request.String(textName) ?? "";
        var parsed = ParseMode(request) switch
        {
            "HTML" => HtmlEntityParser.Parse(raw),
            // Markdown is not checked here: the bot uses HTML, so Markdown text is kept as it came.
            "Markdown" or "MarkdownV2" => new ParsedText(raw, []),
            _ => new ParsedText(raw, ExplicitEntities(request.Json(entitiesName, "can't parse entities JSON object"))),
        };
        return Trim(parsed);
    }

    private static List<BotEntity> ExplicitEntities(JsonNode? node)
    {
        var result = new List<BotEntity>();
        if (node is not JsonArray array)
        {
            return result;
        }

        foreach (var item in array.OfType<JsonObject>())
        {
            var type = item["type"]?.GetValue<string>() ?? "";
            var offset = item["offset"]?.GetValue<int>() ?? 0;
            var length = item["length"]?.GetValue<int>() ?? 0;
            result.Add(new BotEntity(type, offset, length, item["url"]?.GetValue<string>(), item["language"]?.GetValue<string>()));
        }

        return result;
    }

    /// <summary>Telegram strips leading and trailing white space and shifts the entities to match.</summary>
    private static ParsedText Trim(ParsedText parsed)
    {
        var text = parsed.Text;
        var lead = 0;
        while (lead < text.Length && char.IsWhiteSpace(text[lead]))
        {
            lead++;
        }

        var end = text.Length;
        while (end > lead && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (lead == 0 && end == text.Length)
        {
            return parsed;
        }

        var trimmed = text[lead..end];
        var entities = new List<BotEntity>();
        foreach (var e in parsed.Entities)
        {
            var start = Math.Max(e.Offset - lead, 0);
            var stop = Math.Min(e.Offset + e.Length - lead, trimmed.Length);
            if (stop > start)
            {
                entities.Add(e with { Offset = start, Length = stop - start });
            }
        }

        return new ParsedText(trimmed, entities);
    }
}
