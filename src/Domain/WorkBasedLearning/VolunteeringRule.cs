using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>
/// Item 33 of the regulation: volunteering counts as educational or production (pre-diploma) practice once the student
/// has worked at least <c>VolunteeringHoursForPractice</c> hours at an organisation with a cooperation memorandum. The
/// hours that count are those of diary entries the mentor graded 3 or better (a 2 is not approved). The student and the
/// supervisor are told once, when both conditions hold; the volunteer's book and contract are checked by people.
/// Looks at entries and organisations as they stand in this unit of work, before it is saved. Does not save.
/// </summary>
public sealed class VolunteeringRule(CollegeDb db, Outbox outbox, IOptions<WorkBasedLearningOptions> options)
{
    public const int PassingGrade = 3;

    /// <returns>Whether the notices were queued now.</returns>
    public async Task<bool> CheckAsync(Placement placement, CancellationToken ct)
    {
        if (placement.Form != WblForm.Volunteering)
        {
            return false;
        }

        var organization = placement.Organization ?? await db.Organizations.SingleAsync(o => o.Id == placement.OrganizationId, ct);
        var hours = await ApprovedHoursAsync(placement, ct);
        var needed = options.Value.VolunteeringHoursForPractice;
        if (!organization.HasMemorandum || hours < needed)
        {
            return false;
        }

        var student = placement.Student ?? await db.People.SingleAsync(p => p.Id == placement.StudentId, ct);
        var supervisor = placement.Supervisor ?? await db.People.SingleAsync(p => p.Id == placement.SupervisorId, ct);
        Text Told(string key) => Text.Of(key)
            .With("student", student.FullName)
            .With("organization", organization.Name)
            .With("supervisor", supervisor.FullName)
            .With("hours", hours)
            .With("needed", needed)
            .With("starts", placement.StartsOn)
            .With("ends", placement.EndsOn);
        var toStudent = await outbox.EnqueueAsync(student, "volunteering.practice", OutgoingMessage.Of(Told("volunteering.student")), ct,
            dedupeKey: $"volunteering:{placement.Id}:student");
        var toSupervisor = await outbox.EnqueueAsync(supervisor, "volunteering.practice", OutgoingMessage.Of(Told("volunteering.supervisor")), ct,
            dedupeKey: $"volunteering:{placement.Id}:supervisor");
        return toStudent || toSupervisor;
    }

    /// <summary>Checks every volunteering placement at the organisation (after its memorandum was signed).</summary>
    public async Task CheckOrganizationAsync(Organization organization, CancellationToken ct)
    {
        var placements = await db.Placements.Where(p => p.OrganizationId == organization.Id && p.Form == WblForm.Volunteering).ToListAsync(ct);
        foreach (var placement in placements)
        {
            await CheckAsync(placement, ct);
        }
    }

    /// <summary>The hours of entries graded 3 or better, counting a grade given in this unit of work and not saved yet.</summary>
    public async Task<int> ApprovedHoursAsync(Placement placement, CancellationToken ct)
    {
        // Loaded whole and summed here: tracked entries keep their unsaved state, which a sum in SQL would miss.
        var entries = await db.DiaryEntries.Where(e => e.PlacementId == placement.Id).ToListAsync(ct);
        return entries.Where(e => e is { Status: DiaryStatus.Reviewed, Grade: >= PassingGrade }).Sum(e => e.Hours ?? 0);
    }
}
