using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CollegeBot.FakeTelegram;

// Acting as Telegram users: each action queues the update Telegram would send the bot.
public sealed partial class FakeBotApiServer
{
    /// <summary>
    /// Creates a user and their private chat with the bot (chat id = user id, above 2^32), with the next free id or with
    /// <paramref name="userId"/> (an account known from earlier data; it must not be taken yet).
    /// </summary>
    public FakeUser CreateUser(string firstName, string? languageCode = null, string? lastName = null, string? username = null, long? userId = null)
    {
        lock (state.Gate)
        {
            var id = userId ?? state.NextUserId;
            if (state.Chats.ContainsKey(id))
            {
                throw new InvalidOperationException($"The id {id} is taken.");
            }

            state.NextUserId = Math.Max(state.NextUserId, id + 1);
            var user = new FakeUser(id, firstName, lastName, username, languageCode);
            state.Chats[user.Id] = new ChatState { Id = user.Id, Type = "private", User = user };
            return user;
        }
    }

    /// <summary>
    /// Update ids from now on are above <paramref name="updateId"/>, as Telegram's keep growing for a bot: a bot that
    /// stored updates in an earlier run (against another server) takes the new ones for new.
    /// </summary>
    public void ContinueUpdateIdsAfter(long updateId) => updates.ContinueAfter(updateId);

    /// <summary>Creates a group chat (negative id) the bot is a member of and returns its id.</summary>
    public long CreateGroup(string title)
    {
        lock (state.Gate)
        {
            var id = state.NextGroupId--;
            state.Chats[id] = new ChatState { Id = id, Type = "group", Title = title };
            return id;
        }
    }

    /// <summary>The user writes <paramref name="text"/> to the bot. A text starting with '/' carries a
    /// bot_command entity (also for <c>/cmd@BotName</c>). A user who had blocked the bot unblocks it first,
    /// as Telegram's "Restart" does (a my_chat_member update comes before the message).</summary>
    public Task<UserMessage> SendTextAsync(FakeUser from, string text, int? replyToMessageId = null)
    {
        var command = CommandPattern().Match(text);
        BotEntity[] entities = command.Success ? [new BotEntity("bot_command", 0, command.Length)] : [];
        return Task.FromResult(SendAs(from, m =>
        {
            m.Text = text;
            m.Entities = entities;
            m.ReplyToMessageId = replyToMessageId;
        }));
    }

    /// <summary>The user shares a contact: their own (user_id = their id) or someone else's.</summary>
    public Task<UserMessage> SendContactAsync(FakeUser user, string phoneNumber, bool ownContact = true) =>
        Task.FromResult(SendAs(user, m => m.Contact = Json.Obj(
            ("phone_number", phoneNumber),
            ("first_name", ownContact ? user.FirstName : "Someone"),
            ("last_name", ownContact ? user.LastName : "Else"),
            ("user_id", ownContact ? user.Id : user.Id + 7))));

    /// <summary>The user sends a photo; the bot can getFile and download it (two sizes, same bytes).</summary>
    public Task<UserMessage> SendPhotoAsync(FakeUser user, byte[] bytes, string? caption = null)
    {
        var sizes = files.AddPhoto(bytes).Select(FileStore.PhotoSize).ToArray();
        return Task.FromResult(SendAs(user, m =>
        {
            m.Photo = sizes;
            m.Caption = caption;
        }));
    }

    /// <summary>
    /// Stores a photo under a file id given by the caller, as if someone had sent it to the bot earlier: for data made
    /// without this server (a seeded excuse) whose file id the bot will send again. An id already known is left alone.
    /// </summary>
    public void AddPhotoWithId(string fileId, byte[] bytes) => files.AddPhotoWithId(fileId, bytes);

    /// <summary>The user sends a file; the bot can getFile and download it.</summary>
    public Task<UserMessage> SendDocumentAsync(FakeUser user, byte[] bytes, string fileName, string mimeType, string? caption = null)
    {
        var document = FileStore.Document(files.AddDocument(bytes, fileName, mimeType));
        return Task.FromResult(SendAs(user, m =>
        {
            m.Document = document;
            m.Caption = caption;
        }));
    }

    /// <summary>The user presses the inline button whose text (or else callback data) is
    /// <paramref name="buttonTextOrCallbackData"/> on the current state of the bot's message
    /// <paramref name="messageId"/> in their chat. Returns the callback query id.</summary>
    /// <exception cref="InvalidOperationException">No such message or button, or it is a URL button.</exception>
    public Task<string> PressButtonAsync(FakeUser user, long messageId, string buttonTextOrCallbackData)
    {
        lock (state.Gate)
        {
            var chat = state.ChatOf(user);
            if (!chat.Messages.TryGetValue((int)messageId, out var message) || !message.FromBot || message.Deleted)
            {
                throw new InvalidOperationException($"There is no bot message #{messageId} in the chat of {user.FirstName}.");
            }

            var snapshot = message.Snapshot();
            var button = snapshot.FindButton(buttonTextOrCallbackData) ?? throw new InvalidOperationException(
                $"Message {snapshot} has no button \"{buttonTextOrCallbackData}\".");
            if (button.CallbackData is null)
            {
                throw new InvalidOperationException($"Button \"{button.Text}\" opens {button.Url}; it sends no callback.");
            }

            return Task.FromResult(Press(chat, user, message.MessageId, button.CallbackData));
        }
    }

    /// <summary>Presses a button on the current state of <paramref name="message"/> (taken from its chat,
    /// which must be the user's).</summary>
    public Task<string> PressButtonAsync(FakeUser user, BotMessage message, string buttonTextOrCallbackData) =>
        message.ChatId == user.ChatId
            ? PressButtonAsync(user, message.MessageId, buttonTextOrCallbackData)
            : throw new InvalidOperationException($"Message {message} is not in the chat of {user.FirstName}.");

    /// <summary>Forges a callback query with any <paramref name="data"/>, as a tampered client could. When the
    /// message does not exist it is sent as an inaccessible message (date 0).</summary>
    public Task<string> PressRawCallbackAsync(FakeUser user, long messageId, string data)
    {
        lock (state.Gate)
        {
            return Task.FromResult(Press(state.ChatOf(user), user, (int)messageId, data));
        }
    }

    /// <summary>The user blocks the bot: a my_chat_member update (member → kicked); from then on sends answer
    /// 403 <c>Forbidden: bot was blocked by the user</c>.</summary>
    public void BlockBot(FakeUser user) => SetBlocked(user, true);

    /// <summary>The user unblocks the bot: a my_chat_member update (kicked → member); sends work again.</summary>
    public void UnblockBot(FakeUser user) => SetBlocked(user, false);

    /// <summary>The user deletes their account: sends answer 403 <c>Forbidden: user is deactivated</c>.</summary>
    public void DeactivateUser(FakeUser user)
    {
        lock (state.Gate)
        {
            state.ChatOf(user).Deactivated = true;
        }
    }

    /// <summary>The group <paramref name="oldChatId"/> becomes the supergroup <paramref name="newChatId"/>:
    /// sends to the old id answer 400 with <c>migrate_to_chat_id</c>; the new id works.</summary>
    public void MigrateChat(long oldChatId, long newChatId)
    {
        lock (state.Gate)
        {
            if (!state.Chats.TryGetValue(oldChatId, out var old))
            {
                state.Chats[oldChatId] = old = new ChatState { Id = oldChatId, Type = "group", Title = "Group" };
            }

            old.MigratedTo = newChatId;
            if (!state.Chats.ContainsKey(newChatId))
            {
                state.Chats[newChatId] = new ChatState { Id = newChatId, Type = "supergroup", Title = old.Title ?? "Group" };
            }

            var notice = state.AddMessage(old, sender: null);
            var json = Json.Obj(
                ("message_id", notice.MessageId), ("chat", old.ToJson()), ("date", notice.Date.ToUnixTimeSeconds()),
                ("migrate_to_chat_id", newChatId));
            updates.Enqueue("message", json);
            state.NotifyChanged();
        }
    }

    private UserMessage SendAs(FakeUser user, Action<StoredMessage> fill)
    {
        lock (state.Gate)
        {
            var chat = state.ChatOf(user);
            if (chat.Deactivated)
            {
                throw new InvalidOperationException($"{user.FirstName} is deactivated and can't write.");
            }

            if (chat.BlockedByUser)
            {
                SetBlocked(user, false);
            }

            var message = state.AddMessage(chat, user, fill);
            var updateId = updates.Enqueue("message", message.ToJson(chat, state.BotUser()));
            state.NotifyChanged();
            return new UserMessage(chat.Id, message.MessageId, updateId);
        }
    }

    private string Press(ChatState chat, FakeUser user, int messageId, string data)
    {
        var id = (state.NextCallbackId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        state.Callbacks[id] = new PendingCallback(id, user, chat.Id, messageId, data, state.Now);
        var message = chat.Messages.TryGetValue(messageId, out var stored) && !stored.Deleted
            ? stored.ToJson(chat, state.BotUser())
            : Json.Obj(("chat", chat.ToJson()), ("message_id", messageId), ("date", 0));
        updates.Enqueue("callback_query", Json.Obj(
            ("id", id), ("from", Json.User(user)), ("message", message),
            ("chat_instance", (chat.Id ^ 0x5DEECE66DL).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("data", data)));
        return id;
    }

    private void SetBlocked(FakeUser user, bool blocked)
    {
        lock (state.Gate)
        {
            var chat = state.ChatOf(user);
            if (chat.BlockedByUser == blocked)
            {
                return;
            }

            chat.BlockedByUser = blocked;
            JsonObject Member(string status) => Json.Obj(
                ("user", state.BotUser()), ("status", status), ("until_date", status == "kicked" ? 0 : null));
            updates.Enqueue("my_chat_member", Json.Obj(
                ("chat", chat.ToJson()), ("from", Json.User(user)), ("date", state.Now.ToUnixTimeSeconds()),
                ("old_chat_member", Member(blocked ? "member" : "kicked")),
                ("new_chat_member", Member(blocked ? "kicked" : "member"))));
            state.NotifyChanged();
        }
    }

    [GeneratedRegex("^/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?")]
    private static partial Regex CommandPattern();
}
