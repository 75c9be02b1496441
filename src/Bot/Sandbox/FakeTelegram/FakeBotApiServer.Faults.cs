namespace CollegeBot.FakeTelegram;

// Faults the test can inject. Method names are matched without regard to case, as Telegram does.
public sealed partial class FakeBotApiServer
{
    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer this error
    /// envelope (with its HTTP status) instead of being carried out.</summary>
    public void FailNext(
        string method, int errorCode, string description, int? retryAfter = null, int times = 1, long? migrateToChatId = null) =>
        faults.Add(method, new Fault(FaultKind.Error, errorCode, description, retryAfter, migrateToChatId), times);

    /// <summary>The next calls of <paramref name="method"/> answer an HTML page with <paramref name="httpStatus"/>,
    /// as a proxy in front of Telegram would.</summary>
    public void FailNextWithNonJson(string method, int httpStatus = 502, int times = 1) =>
        faults.Add(method, new Fault(FaultKind.NonJson, httpStatus, null, null, null), times);

    /// <summary>The next calls of <paramref name="method"/> lose their connection without an answer. With
    /// <paramref name="afterApplying"/> the call is carried out first (the message is sent), so the client
    /// cannot know it went through.</summary>
    public void DropConnectionNext(string method, bool afterApplying = false, int times = 1) =>
        faults.Add(method, new Fault(afterApplying ? FaultKind.DropAfter : FaultKind.DropBefore, 0, null, null, null), times);

    /// <summary>Every answer waits <paramref name="delay"/> first (real time): for all methods but getUpdates,
    /// or for <paramref name="method"/> only. <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public void SetDelay(TimeSpan delay, string? method = null) => faults.SetDelay(delay, method);

    /// <summary>Removes every pending fault and delay.</summary>
    public void ClearFaults() => faults.Clear();

    /// <summary>Sends and edits to the chat answer 403 with <paramref name="description"/> until <see cref="Allow"/>.</summary>
    public void Forbid(long chatId, string description = "Forbidden: bot was blocked by the user")
    {
        lock (state.Gate)
        {
            state.KnownChatOrThrow(chatId).ForbiddenDescription = description;
        }
    }

    /// <summary>Lifts <see cref="Forbid"/>, <see cref="BlockBot"/> (without an update) and <see cref="DeactivateUser"/>.</summary>
    public void Allow(long chatId)
    {
        lock (state.Gate)
        {
            var chat = state.KnownChatOrThrow(chatId);
            chat.ForbiddenDescription = null;
            chat.BlockedByUser = false;
            chat.Deactivated = false;
        }
    }

    /// <summary>Forgets the rate windows, so the next sends start fresh.</summary>
    public void ResetRateLimits()
    {
        lock (state.Gate)
        {
            state.Limiter.Reset();
        }
    }
}
