using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

internal sealed record WebhookSettings(string Url, string? SecretToken, int MaxConnections, string? IpAddress);

/// <summary>
/// The bot's pending updates, with Telegram's confirmation rule (getUpdates with an offset greater than an
/// update's id drops it), long polling, the one-poller-at-a-time conflict and the webhook switch. Thread-safe.
/// </summary>
internal sealed class UpdateQueue : IDisposable
{
    /// <summary>Telegram's default: every kind but chat_member, message_reaction and message_reaction_count.</summary>
    private static readonly string[] DefaultAllowed =
    [
        "message", "edited_message", "channel_post", "edited_channel_post", "business_connection", "business_message",
        "edited_business_message", "deleted_business_messages", "inline_query", "chosen_inline_result", "callback_query",
        "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member",
        "chat_join_request", "chat_boost", "removed_chat_boost",
    ];

    private sealed class PollTicket : IDisposable
    {
        public CancellationTokenSource Cancel { get; } = new();
        public bool Superseded { get; set; }
        public void Dispose() => Cancel.Dispose();
    }

    private readonly object gate = new();
    private readonly List<(long Id, string Kind, JsonObject Update)> pending = [];
    private readonly CancellationTokenSource stopping = new();
    private long nextId = 700_000_001;
    private HashSet<string> allowed = [.. DefaultAllowed];
    private string[]? allowedAsGiven;
    private PollTicket? activePoll;
    private TaskCompletionSource changed = NewSignal();
    private long lastConfirmedOffset;
    private (DateTimeOffset At, string Message)? lastWebhookError;

    public long LastConfirmedOffset { get { lock (gate) { return lastConfirmedOffset; } } }

    public int PendingCount { get { lock (gate) { return pending.Count; } } }

    public WebhookSettings? Webhook { get; private set; }

    public (DateTimeOffset At, string Message)? LastWebhookError
    {
        get { lock (gate) { return lastWebhookError; } }
        set { lock (gate) { lastWebhookError = value; } }
    }

    public string[]? AllowedUpdates { get { lock (gate) { return allowedAsGiven; } } }

    /// <summary>The next update gets an id above <paramref name="updateId"/> (a bot that stored updates before).</summary>
    public void ContinueAfter(long updateId)
    {
        lock (gate)
        {
            nextId = Math.Max(nextId, updateId + 1);
        }
    }

    /// <summary>Queues an update of the given kind and returns its update_id. A kind the bot did not allow is
    /// dropped at once, as Telegram does.</summary>
    public long Enqueue(string kind, JsonObject payload)
    {
        lock (gate)
        {
            var id = nextId++;
            if (allowed.Contains(kind))
            {
                pending.Add((id, kind, new JsonObject { ["update_id"] = id, [kind] = payload }));
            }

            Signal();
            return id;
        }
    }

    public async Task<JsonArray> GetUpdatesAsync(long? offset, int limit, int timeoutSeconds, string[]? allowedUpdates, CancellationToken aborted)
    {
        var ticket = new PollTicket();
        lock (gate)
        {
            if (Webhook is not null)
            {
                ticket.Dispose();
                throw ApiException.Conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            SetAllowed(allowedUpdates);
            if (offset is { } o && o != 0)
            {
                Confirm(o);
            }

            if (activePoll is not null)
            {
                activePoll.Superseded = true;
                activePoll.Cancel.Cancel();
            }

            activePoll = ticket;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, ticket.Cancel.Token, stopping.Token);
        var clock = Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(Math.Max(0, timeoutSeconds));
        try
        {
            while (true)
            {
                Task wait;
                lock (gate)
                {
                    linked.Token.ThrowIfCancellationRequested();
                    pending.RemoveAll(u => !allowed.Contains(u.Kind));
                    var remaining = timeout - clock.Elapsed;
                    if (pending.Count > 0 || remaining <= TimeSpan.Zero)
                    {
                        return Json.Array(pending.Take(Math.Clamp(limit, 1, 100)).Select(u => (JsonNode?)u.Update.DeepClone()));
                    }

                    wait = changed.Task;
                }

                try
                {
                    await wait.WaitAsync(timeout - clock.Elapsed, linked.Token);
                }
                catch (TimeoutException)
                {
                    // The loop answers with whatever is there, possibly nothing.
                }
            }
        }
        catch (OperationCanceledException) when (ticket.Superseded)
        {
            throw ApiException.Conflict("terminated by other getUpdates request; make sure that only one bot instance is running");
        }
        finally
        {
            lock (gate)
            {
                if (activePoll == ticket)
                {
                    activePoll = null;
                }
            }

            ticket.Dispose();
        }
    }

    public void SetWebhook(WebhookSettings settings, bool dropPending, string[]? allowedUpdates)
    {
        lock (gate)
        {
            Webhook = settings;
            lastWebhookError = null;
            SetAllowed(allowedUpdates);
            if (dropPending)
            {
                pending.Clear();
            }

            Signal();
        }
    }

    /// <summary>Removes the webhook; false when there was none.</summary>
    public bool DeleteWebhook(bool dropPending)
    {
        lock (gate)
        {
            var had = Webhook is not null;
            Webhook = null;
            if (dropPending)
            {
                pending.Clear();
            }

            Signal();
            return had;
        }
    }

    /// <summary>The oldest pending update to deliver to the webhook, if one is set.</summary>
    public (long Id, JsonObject Update, WebhookSettings Webhook)? NextForWebhook()
    {
        lock (gate)
        {
            pending.RemoveAll(u => !allowed.Contains(u.Kind));
            return Webhook is { } hook && pending.Count > 0
                ? (pending[0].Id, (JsonObject)pending[0].Update.DeepClone(), hook)
                : null;
        }
    }

    public void Delivered(long updateId)
    {
        lock (gate)
        {
            pending.RemoveAll(u => u.Id == updateId);
            lastConfirmedOffset = Math.Max(lastConfirmedOffset, updateId + 1);
            Signal();
        }
    }

    /// <summary>A task that completes at the next change of the queue.</summary>
    public Task Changed()
    {
        lock (gate)
        {
            return changed.Task;
        }
    }

    public async Task WaitUntilEmptyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                wait = changed.Task;
            }

            try
            {
                await wait.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The bot did not confirm {PendingCount} pending update(s) within {timeout.TotalSeconds:0.#} s (last offset {LastConfirmedOffset}).");
            }
        }
    }

    /// <summary>Ends every long poll; the token source stays undisposed since requests in flight may still link to it.</summary>
    public void Dispose() => stopping.Cancel();

    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            pending.RemoveAll(u => u.Id < offset);
            lastConfirmedOffset = Math.Max(lastConfirmedOffset, offset);
        }
        else
        {
            // A negative offset keeps only the last -offset updates and forgets the rest.
            var keep = (int)Math.Min(-offset, pending.Count);
            if (pending.Count > keep)
            {
                lastConfirmedOffset = Math.Max(lastConfirmedOffset, pending[pending.Count - keep - 1].Id + 1);
                pending.RemoveRange(0, pending.Count - keep);
            }
        }

        Signal();
    }

    private void SetAllowed(string[]? allowedUpdates)
    {
        if (allowedUpdates is null)
        {
            return;
        }

        allowedAsGiven = allowedUpdates;
        allowed = allowedUpdates.Length == 0 ? [.. DefaultAllowed] : [.. allowedUpdates];
    }

    private void Signal()
    {
        var previous = changed;
        changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
