using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Telegram;

/// <summary>Reads the Bot API's envelope <c>{"ok":…,"result":…}</c> and what it holds, tolerating what is not one.</summary>
internal static partial class BotApiAnswer
{
    /// <summary>The <c>result</c> of a successful answer; throws <see cref="ApiRequestException"/> for anything else.</summary>
    public static JsonElement ReadEnvelope(string method, int status, byte[] body, string token)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw NotBotApi(method, status);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("ok", out var ok)
                || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw NotBotApi(method, status);
            }

            if (ok.GetBoolean())
            {
                return root.TryGetProperty("result", out var result) ? result.Clone() : throw NotBotApi(method, status);
            }

            var code = root.TryGetProperty("error_code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n)
                ? n
                : status;
            var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()!
                : $"HTTP {status}";

            // Descriptions come from outside; a proxy or a fake might echo the URL.
            throw new ApiRequestException(method, code, TokenRedactor.Redact(description, token), ReadParameters(root));
        }
    }

    public static ApiRequestException NotBotApi(string method, int status) =>
        new(method, status, $"HTTP {status} (response was not a Bot API answer)");

    public static TResult ReadResult<TResult>(string method, int status, JsonElement result, string token, ILogger logger)
    {
        // editMessageText and editMessageReplyMarkup answer a bare true for inline messages: no Message to give.
        if (result.ValueKind == JsonValueKind.True && typeof(TResult) != typeof(bool))
        {
            return default!;
        }

        try
        {
            if (typeof(TResult) == typeof(Update[]))
            {
                return (TResult)(object)ReadUpdates(result, logger);
            }

            return result.Deserialize<TResult>(BotApiJson.Options) ?? throw new JsonException("The result is null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new ApiRequestException(
                method,
                status,
                $"HTTP {status} (the result could not be read as {typeof(TResult).Name}: {TokenRedactor.Redact(ex.Message, token)})");
        }
    }

    private static Update[] ReadUpdates(JsonElement result, ILogger logger)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("getUpdates did not answer a list.");
        }

        var updates = new Update[result.GetArrayLength()];
        var i = 0;
        foreach (var element in result.EnumerateArray())
        {
            updates[i++] = ReadUpdate(element, logger);
        }

        return updates;
    }

    private static Update ReadUpdate(JsonElement element, ILogger logger)
    {
        try
        {
            return element.Deserialize<Update>(BotApiJson.Options) ?? throw new JsonException("The update is null.");
        }
        catch (JsonException ex) when (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("update_id", out var id)
            && id.TryGetInt64(out var updateId))
        {
            // One update we cannot read must not block the queue: unless its update_id is confirmed, every later
            // poll would fail on it again. It comes back with no payload, a kind nobody handles.
            LogUnreadableUpdate(logger, updateId, ex.Message);
            return new Update { UpdateId = updateId };
        }
    }

    private static ResponseParameters? ReadParameters(JsonElement root)
    {
        if (!root.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ResponseParameters
        {
            RetryAfter = parameters.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var retry) ? retry : null,
            MigrateToChatId = parameters.TryGetProperty("migrate_to_chat_id", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt64(out var chat) ? chat : null,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} could not be read and is passed on without its payload: {Reason}")]
    private static partial void LogUnreadableUpdate(ILogger logger, long updateId, string reason);
}
