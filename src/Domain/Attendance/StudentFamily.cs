using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Attendance;

/// <summary>A student and their parents: everyone told at once of what happens to the student's absences.</summary>
public sealed class StudentFamily(CollegeDb db, Outbox outbox)
{
    /// <summary>
    /// Queues one message about <paramref name="absence"/> for the student and one for each parent (each at most once
    /// per <paramref name="dedupeKey"/>).
    /// </summary>
    /// <returns>Those who cannot read it yet: not linked (they get it when they link, if still open) or blocked the bot.</returns>
    public async Task<IReadOnlyList<Person>> TellAsync(
        Absence absence, Person student, string kind, string dedupeKey, Text toStudent, Text toParent, CancellationToken ct)
    {
        var parents = await db.ParentChildren.Where(pc => pc.ChildId == student.Id).Select(pc => pc.Parent!).ToListAsync(ct);
        await outbox.EnqueueAsync(student, kind, OutgoingMessage.Of(toStudent), ct, dedupeKey: $"{dedupeKey}:student", absenceId: absence.Id);
        foreach (var parent in parents)
        {
            await outbox.EnqueueAsync(parent, kind, OutgoingMessage.Of(toParent), ct, dedupeKey: $"{dedupeKey}:parent:{parent.Id}", absenceId: absence.Id);
        }

        return [.. parents.Prepend(student).Where(p => !p.IsLinked || p.BlockedAt is not null)];
    }
}
