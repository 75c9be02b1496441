using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

internal sealed record PendingCallback(string Id, FakeUser User, long ChatId, int MessageId, string? Data, DateTimeOffset PressedAt)
{
    public bool Answered { get; set; }
}

/// <summary>
/// Everything the fake remembers about chats, messages, callbacks, commands and requests. One lock
/// (<see cref="Gate"/>) guards it all; members whose names don't say otherwise expect the caller to hold it.
/// </summary>
internal sealed class FakeState(FakeServerOptions options)
{
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long nextSequence;

    public object Gate { get; } = new();
    public FakeServerOptions Options { get; } = options;
    public TimeProvider Clock { get; } = options.TimeProvider;
    public bool EnforceRateLimits { get; set; } = options.EnforceRateLimits;
    public RateLimiter Limiter { get; } = new();
    public int TooManyRequests { get; set; }
    public Dictionary<long, ChatState> Chats { get; } = [];
    public long NextUserId { get; set; } = 5_000_000_001;
    public long NextGroupId { get; set; } = -4_000_000_001;
    public long NextCallbackId { get; set; } = 4_381_000_000_000_001;
    public Dictionary<string, PendingCallback> Callbacks { get; } = new(StringComparer.Ordinal);
    public List<CallbackAnswer> Answers { get; } = [];
    public List<RecordedRequest> Requests { get; } = [];
    public List<BotOperation> Operations { get; } = [];
    public HashSet<long> ConsumedEdits { get; } = [];
    public Dictionary<(string Scope, string Language), BotCommandInfo[]> Commands { get; } = [];
    public Dictionary<string, string> Profile { get; } = new(StringComparer.Ordinal);

    public JsonObject BotUser() => Json.Obj(
        ("id", Options.BotId), ("is_bot", true), ("first_name", Options.BotFirstName), ("username", Options.BotUsername));

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Raised under <see cref="Gate"/> for every change the bot makes to a chat.</summary>
    public Action<BotOperation>? OperationRecorded { get; set; }

    /// <summary>A task that completes at the next change; take it under the lock, await it outside.</summary>
    public Task ChangedTask => changed.Task;

    public void NotifyChanged()
    {
        var previous = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    /// <summary>The chat of chat_id, with Telegram's answers when it is missing or unknown.</summary>
    public ChatState KnownChat(ApiRequest request)
    {
        var raw = request.String("chat_id");
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw ApiException.BadRequest("chat_id is empty");
        }

        return long.TryParse(raw, out var id) ? KnownChat(id) : throw ApiException.BadRequest("chat not found");
    }

    public ChatState KnownChat(long chatId) =>
        Chats.TryGetValue(chatId, out var chat) ? chat : throw ApiException.BadRequest("chat not found");

    /// <summary>The chat of chat_id when the bot may write there: not migrated, not blocked.</summary>
    public ChatState WritableChat(ApiRequest request)
    {
        var chat = KnownChat(request);
        if (chat.MigratedTo is { } newId)
        {
            throw new ApiException(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: newId);
        }

        return chat.Forbidden is { } forbidden ? throw new ApiException(403, forbidden) : chat;
    }

    /// <summary>Uses up a send slot for the chat, or answers 429 when the rates are exceeded.</summary>
    public void TakeRateSlot(long chatId)
    {
        if (!EnforceRateLimits)
        {
            return;
        }

        var wait = Limiter.TryAcquire(chatId, Now, Options.PerChatPerSecond, Options.PerChatBurst, Options.GlobalPerSecond);
        if (wait is { } seconds)
        {
            throw ApiException.TooManyRequests(seconds);
        }
    }

    /// <summary>Adds a message to the chat with the next id; the caller fills in its content.</summary>
    public StoredMessage AddMessage(ChatState chat, FakeUser? sender, Action<StoredMessage>? fill = null)
    {
        var message = new StoredMessage
        {
            ChatId = chat.Id,
            MessageId = ++chat.LastMessageId,
            Date = Now,
            Sequence = ++nextSequence,
            Sender = sender,
        };
        fill?.Invoke(message);
        chat.Messages[message.MessageId] = message;
        return message;
    }

    /// <summary>Logs a change the bot made and wakes the waiting tests.</summary>
    public void Record(BotOperationKind kind, string method, StoredMessage message)
    {
        if (kind == BotOperationKind.Sent)
        {
            Chats[message.ChatId].SentCount++;
        }

        var operation = new BotOperation(++nextSequence, kind, method, message.ChatId, message.MessageId, Now, message.Snapshot());
        Operations.Add(operation);
        OperationRecorded?.Invoke(operation);
        NotifyChanged();
    }

    /// <summary>A bot message to edit, with Telegram's answers when it can't be.</summary>
    public static StoredMessage EditableMessage(ChatState chat, ApiRequest request, string notFound = "message to edit not found")
    {
        var id = request.Long("message_id") ?? throw ApiException.BadRequest("message identifier is not specified");
        if (!chat.Messages.TryGetValue((int)id, out var message) || message.Deleted)
        {
            throw ApiException.BadRequest(notFound);
        }

        return message.FromBot ? message : throw ApiException.BadRequest("message can't be edited");
    }

    /// <summary>For the test-facing API: an unknown chat is the test's mistake.</summary>
    public ChatState KnownChatOrThrow(long chatId) =>
        Chats.TryGetValue(chatId, out var chat) ? chat : throw new InvalidOperationException($"Chat {chatId} is unknown to the server.");

    public ChatState ChatOf(FakeUser user) =>
        Chats.TryGetValue(user.Id, out var chat)
            ? chat
            : throw new InvalidOperationException($"{user.FirstName} ({user.Id}) was not created by this server.");
}
