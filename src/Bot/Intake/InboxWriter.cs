using System.Text.Json;
using CollegeBot.Bot.Telegram;
using CollegeBot.Domain.Intake;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Bot.Intake;

/// <summary>
/// Stores received updates keyed by update_id, ignoring ones already stored; the poller confirms them to
/// Telegram only after this commit, and the webhook answers 200 only after it.
/// </summary>
public sealed class InboxWriter(IServiceScopeFactory scopes, Signals signals, TimeProvider clock)
{
    public async Task<int> StoreAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var ids = updates.Select(u => u.UpdateId).ToList();
        var known = await db.Inbox.Where(i => ids.Contains(i.UpdateId)).Select(i => i.UpdateId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var update in updates.DistinctBy(u => u.UpdateId).Where(u => !known.Contains(u.UpdateId)))
        {
            db.Inbox.Add(ToRow(update, now));
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
            signals.Inbox.Notify();
        }

        return added;
    }

    private static InboxUpdate ToRow(Update update, DateTime now) => new()
    {
        UpdateId = update.UpdateId,
        Kind = update.Kind,
        ChatId = update.Chat?.Id,
        FromUserId = update.From?.Id,
        Payload = JsonSerializer.Serialize(update, BotApiJson.Options),
        ReceivedAt = now,
    };
}
