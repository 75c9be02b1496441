using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Messaging;

/// <summary>
/// When a student or parent cannot be reached (they blocked the bot), their curators are told who it is and the
/// phone from the roster, so someone can call. Once per blocking: unblocking and blocking again tells them again.
/// </summary>
public sealed class UnreachableNotice(CollegeDb db, Outbox outbox)
{
    public async Task TellCuratorsAsync(Person person, CancellationToken ct)
    {
        var groupIds = await db.ParentChildren.Where(pc => pc.ParentId == person.Id && pc.Child!.GroupId != null)
            .Select(pc => pc.Child!.GroupId!.Value).ToListAsync(ct);
        if (person.Has(Roles.Student) && person.GroupId is { } own)
        {
            groupIds.Add(own);
        }

        if (groupIds.Count == 0)
        {
            return;
        }

        var curators = await db.GroupCurators.Where(g => groupIds.Contains(g.GroupId)).Select(g => g.Curator!).Distinct().ToListAsync(ct);
        var text = Text.Of("delivery.blocked").With("name", person.FullName).WithRoles("roles", person.Roles).With("phone", person.Phone ?? "—");
        var since = person.BlockedAt?.ToString("yyyyMMddHHmmss") ?? "unknown";
        foreach (var curator in curators.Where(c => c.Id != person.Id))
        {
            await outbox.EnqueueAsync(curator, "unreachable", OutgoingMessage.Of(text), ct, dedupeKey: $"blocked:{person.Id}:{since}:{curator.Id}");
        }
    }
}
