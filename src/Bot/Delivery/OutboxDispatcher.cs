using System.Diagnostics;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Delivery;

/// <summary>
/// Sends due outbox messages within Telegram's limits: one chat at a time in order, at most
/// <c>PerChatPerSecond</c> into a chat and <c>GlobalPerSecond</c> overall, and everyone waits after a 429.
/// Pacing runs on real time, while "due" is judged by the college clock.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSender sender,
    Signals signals,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Large, so the tail of a batch (few chats left, each allowed one message a second) comes rarely.
    private const int BatchSize = 2000;
    private static readonly TimeSpan IdleLook = TimeSpan.FromSeconds(1);

    // Arrival times jitter, so a chat's messages are spaced a little more than the limit asks.
    private static readonly TimeSpan ChatMargin = TimeSpan.FromMilliseconds(20);

    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Dictionary<long, TimeSpan> chatReadyAt = [];
    private TimeSpan globalReadyAt;
    private TimeSpan pausedUntil;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) == 0)
                {
                    await signals.Outbox.WaitAsync(IdleLook, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Sending the outbox failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Sends one batch of due messages; returns how many were taken. When stopping, it starts nothing new but lets
    /// the sends under way finish and record their answer, so a restart does not send them again.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = await LoadDueAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var queues = due.GroupBy(d => d.Chat).ToDictionary(g => g.Key, g => new Queue<long>(g.Select(d => d.Id)));
        var order = queues.Keys.ToList();
        // A list, not a dictionary keyed by task: sends that finish at once may share one cached task object.
        var inFlight = new List<Send>();
        try
        {
            while (!ct.IsCancellationRequested && (order.Count > 0 || inFlight.Count > 0))
            {
                if (NextStartable(order, inFlight) is { } chat)
                {
                    await WaitForGlobalSlotAsync(ct);
                    var id = queues[chat].Dequeue();
                    chatReadyAt[chat] = watch.Elapsed + PerChatInterval;
                    inFlight.Add(new Send(sender.SendAsync(id, CancellationToken.None), chat, id));
                    if (queues[chat].Count == 0)
                    {
                        order.Remove(chat);
                    }

                    continue;
                }

                await WaitForProgressAsync(inFlight.Select(f => f.Task), order, ct);
                await CollectAsync(inFlight, queues, order);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: fall through to let the sends under way finish.
        }
        finally
        {
            await ((Task)Task.WhenAll(inFlight.Select(f => f.Task))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return due.Count;
    }

    private long? NextStartable(List<long> order, List<Send> inFlight)
    {
        var now = watch.Elapsed;
        if (now < pausedUntil || inFlight.Count >= options.Value.MaxConcurrentSends)
        {
            return null;
        }

        var busy = inFlight.Select(f => f.Chat).ToHashSet();
        foreach (var chat in order)
        {
            if (!busy.Contains(chat) && ReadyAt(chat) <= now)
            {
                return chat;
            }
        }

        return null;
    }

    private async Task CollectAsync(
        List<Send> inFlight, Dictionary<long, Queue<long>> queues, List<long> order)
    {
        foreach (var (done, chat, id) in inFlight.Where(f => f.Task.IsCompleted).ToList())
        {
            inFlight.RemoveAll(f => f.Id == id);

            // Counted from the answer, not the request: a slow first request must not bring the next one closer.
            chatReadyAt[chat] = watch.Elapsed + PerChatInterval;
            try
            {
                Requeue(await done, chat, id, queues, order);
            }
            catch (Exception ex)
            {
                // The database failed while recording: the message stays pending and is looked at again later.
                logger.LogError(ex, "Sending outbox message {Id} failed", id);
            }
        }
    }

    private void Requeue((SendOutcome Outcome, TimeSpan RetryAfter) result, long chat, long id, Dictionary<long, Queue<long>> queues, List<long> order)
    {
        if (result.Outcome is SendOutcome.RateLimited)
        {
            pausedUntil = watch.Elapsed + result.RetryAfter;
            logger.LogWarning("Telegram asked to wait {Seconds} s (429); all sending pauses", result.RetryAfter.TotalSeconds);
        }

        if (result.Outcome is SendOutcome.RateLimited or SendOutcome.RetryNow)
        {
            queues[chat] = new Queue<long>(queues[chat].Prepend(id));
            if (!order.Contains(chat))
            {
                order.Insert(0, chat);
            }
        }
    }

    private async Task WaitForProgressAsync(IEnumerable<Task> inFlight, List<long> order, CancellationToken ct)
    {
        var now = watch.Elapsed;
        var next = order.Count == 0 ? now + IdleLook : order.Min(ReadyAt);
        var wait = Max(Max(next, pausedUntil) - now, TimeSpan.FromMilliseconds(1));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(inFlight.Append(Task.Delay(wait, timer.Token)));
        await timer.CancelAsync();
    }

    private async Task WaitForGlobalSlotAsync(CancellationToken ct)
    {
        var now = watch.Elapsed;
        if (globalReadyAt > now)
        {
            await Task.Delay(globalReadyAt - now, ct);
        }

        globalReadyAt = Max(globalReadyAt, now) + TimeSpan.FromSeconds(1 / options.Value.GlobalPerSecond);
    }

    private sealed record Send(Task<(SendOutcome, TimeSpan)> Task, long Chat, long Id);

    private TimeSpan ReadyAt(long chat) => chatReadyAt.GetValueOrDefault(chat);

    private TimeSpan PerChatInterval => TimeSpan.FromSeconds(1 / options.Value.PerChatPerSecond) + ChatMargin;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<List<(long Id, long Chat)>> LoadDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NotBefore <= now)
            .OrderBy(o => o.Priority).ThenBy(o => o.Id)
            .Take(BatchSize)
            .Select(o => new
            {
                o.Id,
                Chat = o.PersonId == null ? o.ChatId : db.People.Where(p => p.Id == o.PersonId).Select(p => p.ChatId).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // A message with no chat yet is settled by the sender (it waits for the person to link).
        return [.. rows.Select(r => (r.Id, r.Chat ?? -r.Id))];
    }
}
