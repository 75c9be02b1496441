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
    /// per <paramref name="dedupeKey"/>; a message about a new absence needs none, since the absence is new only once).
    /// </summary>
    /// <returns>Those who cannot read it yet: not linked (they get it when they link, if still open) or blocked the bot.</returns>
    public async Task<IReadOnlyList<Person>> TellAsync(
        Absence absence, Person student, string kind, string? dedupeKey, Text toStudent, Text toParent, CancellationToken ct)
    {
        var parents = await ParentsOfAsync(student, ct);
        await outbox.EnqueueAsync(student, kind, OutgoingMessage.Of(toStudent), ct, dedupeKey: dedupeKey is null ? null : $"{dedupeKey}:student", about: absence);
        foreach (var parent in parents)
        {
            await outbox.EnqueueAsync(parent, kind, OutgoingMessage.Of(toParent), ct, dedupeKey: dedupeKey is null ? null : $"{dedupeKey}:parent:{parent.Id}", about: absence);
        }

        return [.. parents.Prepend(student).Where(p => !p.IsLinked || p.BlockedAt is not null)];
    }

    /// <summary>The student's parents; loaded once per unit of work (the recorder loads them with the student).</summary>
    public async Task<IReadOnlyList<Person>> ParentsOfAsync(Person student, CancellationToken ct)
    {
        var parents = db.Entry(student).Collection(s => s.Parents);
        if (!parents.IsLoaded)
        {
            await parents.Query().Include(pc => pc.Parent).LoadAsync(ct);
            parents.IsLoaded = true;
        }

        return [.. student.Parents.Select(pc => pc.Parent!)];
    }
}
