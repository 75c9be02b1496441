using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CollegeBot.FakeTelegram;

/// <summary>setMyCommands, deleteMyCommands, getMyCommands, answerCallbackQuery and the profile texts.</summary>
internal sealed partial class CommandMethods(FakeState state)
{
    public JsonNode SetMyCommands(ApiRequest r)
    {
        var node = r.Json("commands", "can't parse commands JSON object");
        if (node is not JsonArray array)
        {
            throw ApiException.BadRequest("commands must be an array");
        }

        if (array.Count > 100)
        {
            throw ApiException.BadRequest("too many commands specified");
        }

        var commands = array.Select(ReadCommand).ToArray();
        lock (state.Gate)
        {
            var key = (Scope(r), Language(r));
            if (commands.Length == 0)
            {
                state.Commands.Remove(key);
            }
            else
            {
                state.Commands[key] = commands;
            }

            state.NotifyChanged();
            return true;
        }
    }

    public JsonNode DeleteMyCommands(ApiRequest r)
    {
        lock (state.Gate)
        {
            state.Commands.Remove((Scope(r), Language(r)));
            state.NotifyChanged();
            return true;
        }
    }

    public JsonNode GetMyCommands(ApiRequest r)
    {
        lock (state.Gate)
        {
            var commands = state.Commands.GetValueOrDefault((Scope(r), Language(r))) ?? [];
            return Json.Array(commands.Select(c => (JsonNode?)Json.Obj(("command", c.Command), ("description", c.Description))));
        }
    }

    public JsonNode AnswerCallbackQuery(ApiRequest r)
    {
        var id = r.String("callback_query_id") ?? "";
        var text = r.String("text");
        lock (state.Gate)
        {
            if (!state.Callbacks.TryGetValue(id, out var query) || query.Answered ||
                state.Now - query.PressedAt > state.Options.CallbackAnswerDeadline)
            {
                throw ApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            if (text is { Length: > 200 })
            {
                throw ApiException.BadRequest("MESSAGE_TOO_LONG");
            }

            query.Answered = true;
            state.Answers.Add(new CallbackAnswer(
                id, query.User.Id, query.Data, string.IsNullOrEmpty(text) ? null : text, r.Bool("show_alert"), r.String("url"), state.Now));
            state.NotifyChanged();
            return true;
        }
    }

    /// <summary>setMyName, setMyDescription and setMyShortDescription: kept so tests can read them.</summary>
    public JsonNode SetProfileText(ApiRequest r, string method, string field, int maxLength)
    {
        var text = r.String(field) ?? "";
        if (text.Length > maxLength)
        {
            throw ApiException.BadRequest($"{field} is too long");
        }

        lock (state.Gate)
        {
            state.Profile[$"{method}:{Language(r)}"] = text;
            return true;
        }
    }

    private static BotCommandInfo ReadCommand(JsonNode? node)
    {
        var command = node?["command"]?.GetValue<string>() ?? "";
        var description = node?["description"]?.GetValue<string>() ?? "";
        if (!CommandPattern().IsMatch(command))
        {
            throw ApiException.BadRequest("BOT_COMMAND_INVALID");
        }

        return description.Trim().Length is >= 1 and <= 256
            ? new BotCommandInfo(command, description)
            : throw ApiException.BadRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }

    /// <summary>The scope as a key of <see cref="CommandScopes"/>; chat scopes need a known chat.</summary>
    private string Scope(ApiRequest r)
    {
        if (r.Json("scope", "can't parse BotCommandScope JSON object") is not JsonObject scope)
        {
            return CommandScopes.Default;
        }

        var type = scope["type"]?.GetValue<string>() ?? "";
        long ChatId()
        {
            var raw = scope["chat_id"]?.ToString() ?? "";
            return long.TryParse(raw, out var id) && state.Chats.ContainsKey(id) ? id : throw ApiException.BadRequest("chat not found");
        }

        return type switch
        {
            "default" or "all_private_chats" or "all_group_chats" or "all_chat_administrators" => type,
            "chat" => CommandScopes.Chat(ChatId()),
            "chat_administrators" => CommandScopes.ChatAdministrators(ChatId()),
            "chat_member" => CommandScopes.ChatMember(ChatId(), long.TryParse(scope["user_id"]?.ToString(), out var user)
                ? user
                : throw ApiException.BadRequest("user not found")),
            _ => throw ApiException.BadRequest("wrong bot command scope type specified"),
        };
    }

    private static string Language(ApiRequest r)
    {
        var language = r.String("language_code") ?? "";
        return language.Length is 0 or 2 && language.All(char.IsAsciiLetterLower)
            ? language
            : throw ApiException.BadRequest("invalid language code specified");
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();
}
