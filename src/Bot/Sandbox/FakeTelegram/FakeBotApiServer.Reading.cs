namespace CollegeBot.FakeTelegram;

// Reading what the bot did. The Wait* methods use "consumption": each bot message (and each edit) is handed
// to at most one Wait call, in the order the bot sent them, so a test never races the bot.
public sealed partial class FakeBotApiServer
{
    /// <summary>Whether sends and edits beyond the configured rates answer 429. Changeable at any time.</summary>
    public bool EnforceRateLimits
    {
        get { lock (state.Gate) { return state.EnforceRateLimits; } }
        set { lock (state.Gate) { state.EnforceRateLimits = value; state.Limiter.Reset(); } }
    }

    /// <summary>The bot's messages in the chat as they stand now (deleted ones left out), oldest first.</summary>
    public IReadOnlyList<BotMessage> MessagesIn(long chatId)
    {
        lock (state.Gate)
        {
            return state.Chats.TryGetValue(chatId, out var chat)
                ? chat.BotMessages.Where(m => !m.Deleted).Select(m => m.Snapshot()).ToArray()
                : [];
        }
    }

    /// <summary>The bot's newest message in the chat as it stands now, or null.</summary>
    public BotMessage? LastMessageIn(long chatId) => MessagesIn(chatId).LastOrDefault();

    /// <summary>How many messages the bot sent to the chat (sendMessage, sendDocument, sendPhoto; not edits).</summary>
    public int SentCount(long chatId)
    {
        lock (state.Gate)
        {
            return state.Chats.TryGetValue(chatId, out var chat) ? chat.SentCount : 0;
        }
    }

    /// <summary>
    /// Waits for the oldest bot message in the chat that no earlier Wait call has taken and that matches
    /// <paramref name="match"/> (any, when null), takes it and returns it as it stands now (so with any edits
    /// made since). Messages sent before the call count too, so "act, then wait" never misses a fast bot;
    /// messages that don't match stay available to later calls. Use <see cref="MarkAllConsumed"/> to skip what
    /// is already there.
    /// </summary>
    /// <exception cref="TimeoutException">Nothing matched in time (default <see cref="FakeServerOptions.DefaultWaitTimeout"/>);
    /// the message lists what the chat received.</exception>
    public Task<BotMessage> WaitForMessageAsync(
        long chatId, Func<BotMessage, bool>? match = null, TimeSpan? timeout = null, CancellationToken ct = default) =>
        WaitAsync(
            () => state.Chats.TryGetValue(chatId, out var chat)
                ? chat.BotMessages.Where(m => !chat.ConsumedMessages.Contains(m.MessageId))
                    .Select(m => (Key: (long)m.MessageId, Message: m.Snapshot())).ToList()
                : [],
            key => state.Chats[chatId].ConsumedMessages.Add((int)key),
            match, timeout, ct,
            () => $"No new bot message{(match is null ? "" : " matching the condition")} in chat {chatId}. {Describe(chatId)}");

    /// <summary>
    /// Waits for the oldest edit (editMessageText / editMessageReplyMarkup) in the chat that no earlier call
    /// has taken and whose result matches <paramref name="match"/>; returns the message as it stood right
    /// after that edit. Filter on <see cref="BotMessage.MessageId"/> in <paramref name="match"/> for one message.
    /// </summary>
    public Task<BotMessage> WaitForEditAsync(
        long chatId, Func<BotMessage, bool>? match = null, TimeSpan? timeout = null, CancellationToken ct = default) =>
        WaitAsync(
            () => state.Operations
                .Where(o => o.ChatId == chatId && o.Kind == BotOperationKind.Edited && !state.ConsumedEdits.Contains(o.Sequence))
                .Select(o => (Key: o.Sequence, o.Message)).ToList(),
            key => state.ConsumedEdits.Add(key),
            match, timeout, ct,
            () => $"No new edit{(match is null ? "" : " matching the condition")} in chat {chatId}. {Describe(chatId)}");

    /// <summary>Marks every message and edit the chat has now as taken, so Wait calls see only what comes next.</summary>
    public void MarkAllConsumed(long chatId)
    {
        lock (state.Gate)
        {
            if (state.Chats.TryGetValue(chatId, out var chat))
            {
                chat.ConsumedMessages.UnionWith(chat.BotMessages.Select(m => m.MessageId));
            }

            state.ConsumedEdits.UnionWith(state.Operations.Where(o => o.ChatId == chatId).Select(o => o.Sequence));
        }
    }

    /// <summary>Every answerCallbackQuery the server accepted, in order.</summary>
    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get { lock (state.Gate) { return state.Answers.ToArray(); } }
    }

    /// <summary>Waits until the bot answers the callback query <paramref name="callbackQueryId"/>.</summary>
    public Task<CallbackAnswer> WaitForCallbackAnswerAsync(string callbackQueryId, TimeSpan? timeout = null, CancellationToken ct = default) =>
        WaitAsync(
            () => state.Answers.Where(a => a.CallbackQueryId == callbackQueryId).Select(a => (Key: 0L, Message: a)).ToList(),
            _ => true, null, timeout, ct,
            () => $"The bot did not answer callback query {callbackQueryId}.");

    /// <summary>Every request the server answered, in order (also the failed and dropped ones).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (state.Gate) { return state.Requests.ToArray(); } }
    }

    /// <summary>The requests of one method (name as Telegram spells it, e.g. "sendMessage").</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string method)
    {
        lock (state.Gate)
        {
            return state.Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    /// <summary>Every change the bot made to any chat (sent, edited, deleted), in order.</summary>
    public IReadOnlyList<BotOperation> Operations
    {
        get { lock (state.Gate) { return state.Operations.ToArray(); } }
    }

    /// <summary>
    /// Raised for every change the bot makes to a chat (sent, edited, deleted) as the server records it, in order. It
    /// runs under the server's lock, on the thread of the bot's request: hand the operation on and return; calling
    /// back into the server from it is safe but delays the bot.
    /// </summary>
    public event Action<BotOperation>? OperationRecorded
    {
        add { lock (state.Gate) { state.OperationRecorded += value; } }
        remove { lock (state.Gate) { state.OperationRecorded -= value; } }
    }

    /// <summary>How many 429 answers the server gave (rate limits and injected ones).</summary>
    public int TooManyRequestsCount
    {
        get { lock (state.Gate) { return state.TooManyRequests; } }
    }

    /// <summary>The greatest offset the bot confirmed with getUpdates (0 before any).</summary>
    public long LastConfirmedOffset => updates.LastConfirmedOffset;

    /// <summary>Updates queued and not yet confirmed by the bot.</summary>
    public int PendingUpdateCount => updates.PendingCount;

    /// <summary>Waits until the bot has confirmed every queued update.</summary>
    public Task WaitForUpdatesConfirmedAsync(TimeSpan? timeout = null, CancellationToken ct = default) =>
        updates.WaitUntilEmptyAsync(timeout ?? options.DefaultWaitTimeout, ct);

    /// <summary>The webhook URL set by the bot, or null.</summary>
    public string? WebhookUrl => updates.Webhook?.Url;

    /// <summary>The secret token of the webhook set by the bot, or null.</summary>
    public string? WebhookSecretToken => updates.Webhook?.SecretToken;

    /// <summary>The commands set for exactly this scope (see <see cref="CommandScopes"/>) and language ("" = all).</summary>
    public IReadOnlyList<BotCommandInfo> CommandsFor(string scopeKey = CommandScopes.Default, string languageCode = "")
    {
        lock (state.Gate)
        {
            return state.Commands.GetValueOrDefault((scopeKey, languageCode)) ?? [];
        }
    }

    /// <summary>The command menu the user sees in their private chat, resolved as Telegram does:
    /// chat, then all_private_chats, then default; each with the user's language first.</summary>
    public IReadOnlyList<BotCommandInfo> CommandsShownTo(FakeUser user)
    {
        var language = user.LanguageCode ?? "";
        foreach (var scope in new[] { CommandScopes.Chat(user.Id), CommandScopes.AllPrivateChats, CommandScopes.Default })
        {
            foreach (var lang in language.Length > 0 ? new[] { language, "" } : [""])
            {
                var commands = CommandsFor(scope, lang);
                if (commands.Count > 0)
                {
                    return commands;
                }
            }
        }

        return [];
    }

    /// <summary>The bytes of a stored file (sent by the bot or a user), or null.</summary>
    public byte[]? FileContent(string fileId) => files.Find(fileId)?.Content;

    private async Task<T> WaitAsync<T>(
        Func<List<(long Key, T Message)>> candidates, Func<long, bool> take, Func<T, bool>? match,
        TimeSpan? timeout, CancellationToken ct, Func<string> describeFailure)
    {
        var limit = timeout ?? options.DefaultWaitTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        while (true)
        {
            Task changed;
            List<(long Key, T Message)> found;
            lock (state.Gate)
            {
                changed = state.ChangedTask;
                found = candidates();
            }

            // The test's condition runs outside the lock; the pick is confirmed under it.
            foreach (var (key, message) in found.Where(f => match is null || match(f.Message)))
            {
                lock (state.Gate)
                {
                    if (take(key))
                    {
                        return message;
                    }
                }
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                string failure;
                lock (state.Gate)
                {
                    failure = describeFailure();
                }

                throw new TimeoutException($"{failure} (waited {limit.TotalSeconds:0.##} s)");
            }
        }
    }

    private string Describe(long chatId)
    {
        if (!state.Chats.TryGetValue(chatId, out var chat))
        {
            return "The chat is unknown to the server.";
        }

        var received = chat.BotMessages.Select(m =>
            $"{m.Snapshot()}{(chat.ConsumedMessages.Contains(m.MessageId) ? " (taken)" : "")}{(m.EditCount > 0 ? $" (edited {m.EditCount}x)" : "")}");
        var errors = state.Requests.Where(r => r.ChatId == chatId && !r.Succeeded).TakeLast(5)
            .Select(r => $"{r.Method}: {r.HttpStatus} {r.Error}");
        return $"Received: [{string.Join("; ", received)}]. Recent failed requests: [{string.Join("; ", errors)}].";
    }
}
