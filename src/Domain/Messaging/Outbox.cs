using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Messaging;

/// <summary>
/// Writes notifications into the outbox of the current unit of work; they are committed with the change that
/// caused them and sent later by the dispatcher.
/// </summary>
public sealed class Outbox(CollegeDb db, TimeProvider clock, QuietHoursHold quietHours)
{
    // Dedupe keys known to be used: queued in this unit of work, or read by LoadKeysAboutAsync.
    private readonly HashSet<string> keysUsed = new(StringComparer.Ordinal);

    // Absences whose messages' keys are all in keysUsed: a key about one of them needs no query.
    private readonly HashSet<long> keysLoadedFor = [];

    /// <summary>Queues a message for a person. With a dedupe key, a message already queued once is not queued again.</summary>
    /// <param name="about">The absence the message is about: the message is dropped if its catch-up closes before the person links.</param>
    /// <returns>False when the dedupe key was already used.</returns>
    public async Task<bool> EnqueueAsync(
        Person recipient, string kind, OutgoingMessage message, CancellationToken ct,
        string? dedupeKey = null, DateTime? notBefore = null, Absence? about = null)
    {
        if (dedupeKey is not null && await IsQueuedAsync(dedupeKey, about, ct))
        {
            return false;
        }

        Add(new OutboxMessage
        {
            PersonId = recipient.Id,
            ChatId = recipient.ChatId,
            Kind = kind,
            Payload = message.ToJson(),
            DedupeKey = dedupeKey,
            // An absence recorded in this unit of work has no id yet and gets it on saving; others are named by id,
            // so one read without tracking is never mistaken for a new one.
            AbsenceId = about is { Id: > 0 } ? about.Id : null,
            Absence = about is { Id: 0 } ? about : null,
            NotBefore = quietHours.NotBefore(kind, notBefore ?? Now),
            Status = recipient.IsLinked ? OutboxStatus.Pending : OutboxStatus.AwaitingLink,
        });
        return true;
    }

    /// <summary>Queues a reply into a chat, for someone who may not be linked yet.</summary>
    public void Reply(long chatId, Person? person, string language, OutgoingMessage message, string kind = "reply") =>
        Add(new OutboxMessage
        {
            PersonId = person?.Id,
            ChatId = chatId,
            Language = language,
            Kind = kind,
            Payload = message.ToJson(),
            NotBefore = Now,
            Status = OutboxStatus.Pending,
            Priority = OutboxPriority.Reply,
        });

    /// <summary>
    /// Messages that waited for the person to link go out now, to the chat they linked from; those about an absence
    /// whose catch-up is closed by now (made up, or excused without one) are dropped as old news.
    /// </summary>
    public async Task<int> ReleaseAwaitingLinkAsync(Person person, CancellationToken ct)
    {
        var waiting = db.Outbox.Where(o => o.PersonId == person.Id && o.Status == OutboxStatus.AwaitingLink);
        var closed = db.Absences.Where(a => a.CaughtUpAt != null || a.CatchUpDueOn == null).Select(a => (long?)a.Id);
        await waiting.Where(o => o.AbsenceId != null && closed.Contains(o.AbsenceId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Dropped)
                .SetProperty(o => o.LastError, "no longer relevant when the person linked: the catch-up was closed"), ct);
        return await waiting.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatus.Pending)
            .SetProperty(o => o.ChatId, person.ChatId)
            .SetProperty(o => o.NotBefore, Now), ct);
    }

    /// <summary>
    /// Reads at once the dedupe keys of every message already queued about these absences, so that a scan queuing
    /// messages about hundreds of them asks the database once rather than once per message.
    /// </summary>
    public async Task LoadKeysAboutAsync(IEnumerable<long> absenceIds, CancellationToken ct)
    {
        List<long?> ids = [.. absenceIds.Where(id => !keysLoadedFor.Contains(id)).Distinct().Select(id => (long?)id)];
        if (ids.Count == 0)
        {
            return;
        }

        keysUsed.UnionWith(await db.Outbox
            .Where(o => ids.Contains(o.AbsenceId) && o.DedupeKey != null)
            .Select(o => o.DedupeKey!)
            .ToListAsync(ct));
        keysLoadedFor.UnionWith(ids.Select(id => id!.Value));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Add(OutboxMessage row)
    {
        row.CreatedAt = Now;
        db.Outbox.Add(row);
        if (row.DedupeKey is not null)
        {
            keysUsed.Add(row.DedupeKey);
        }
    }

    // A key about an absence whose keys were loaded is never in the table unless loaded: every message about an
    // absence is queued with it, and its key names it.
    private async Task<bool> IsQueuedAsync(string dedupeKey, Absence? about, CancellationToken ct) =>
        keysUsed.Contains(dedupeKey)
        || (about is not { Id: > 0 } || !keysLoadedFor.Contains(about.Id))
            && await db.Outbox.AnyAsync(o => o.DedupeKey == dedupeKey, ct);
}
