using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

/// <summary>What a method answers: its result and, rarely, a description beside it.</summary>
internal sealed record MethodResult(JsonNode? Result, string? Description = null);

/// <summary>One Bot API method: its name as Telegram spells it and what it does.</summary>
internal sealed record BotMethod(string Name, Func<ApiRequest, CancellationToken, Task<MethodResult>> Handle);

/// <summary>The methods the fake knows, found by name without regard to case, as Telegram does.</summary>
internal sealed class MethodTable
{
    private readonly Dictionary<string, BotMethod> methods = new(StringComparer.OrdinalIgnoreCase);

    public MethodTable(FakeState state, UpdateQueue updates, FileStore files)
    {
        var messages = new MessageMethods(state);
        var fileMethods = new FileMethods(state, files);
        var commands = new CommandMethods(state);
        var updateMethods = new UpdateMethods(state, updates);

        Add("getMe", _ => updateMethods.GetMe());
        Add("logOut", _ => true);
        Add("close", _ => true);
        methods["getUpdates"] = new BotMethod("getUpdates",
            async (r, ct) => new MethodResult(await updateMethods.GetUpdatesAsync(r, ct)));
        Add("setWebhook", updateMethods.SetWebhook);
        Add("deleteWebhook", updateMethods.DeleteWebhook);
        Add("getWebhookInfo", _ => updateMethods.GetWebhookInfo());

        Add("sendMessage", messages.SendMessage);
        Add("editMessageText", messages.EditMessageText);
        Add("editMessageReplyMarkup", messages.EditMessageReplyMarkup);
        Add("deleteMessage", messages.DeleteMessage);
        Add("sendChatAction", messages.SendChatAction);

        Add("sendDocument", fileMethods.SendDocument);
        Add("sendPhoto", fileMethods.SendPhoto);
        Add("getFile", fileMethods.GetFile);

        Add("answerCallbackQuery", commands.AnswerCallbackQuery);
        Add("setMyCommands", commands.SetMyCommands);
        Add("deleteMyCommands", commands.DeleteMyCommands);
        Add("getMyCommands", commands.GetMyCommands);
        Add("setMyName", r => commands.SetProfileText(r, "setMyName", "name", 64));
        Add("setMyDescription", r => commands.SetProfileText(r, "setMyDescription", "description", 512));
        Add("setMyShortDescription", r => commands.SetProfileText(r, "setMyShortDescription", "short_description", 120));
    }

    public BotMethod? Find(string name) => methods.GetValueOrDefault(name);

    private void Add(string name, Func<ApiRequest, JsonNode> handle) =>
        methods[name] = new BotMethod(name, (r, _) => Task.FromResult(new MethodResult(handle(r))));

    private void Add(string name, Func<ApiRequest, MethodResult> handle) =>
        methods[name] = new BotMethod(name, (r, _) => Task.FromResult(handle(r)));
}
