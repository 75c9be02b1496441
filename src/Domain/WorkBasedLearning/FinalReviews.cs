using System.Globalization;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>What came of a mentor's step in the final review. Only <see cref="Submitted"/> changed something.</summary>
public abstract record FinalResult
{
    private FinalResult()
    {
    }

    /// <summary>The mentor may write the final review of this placement now.</summary>
    public sealed record Open(Placement Placement) : FinalResult;

    public sealed record Submitted(Placement Placement) : FinalResult;

    /// <summary>The placement's last day has not come yet.</summary>
    public sealed record NotYet(Placement Placement) : FinalResult;

    public sealed record AlreadySubmitted(Placement Placement) : FinalResult;

    /// <summary>Not a placement of this mentor, or no such placement (a forged or stale button).</summary>
    public sealed record NotYours : FinalResult;
}

/// <summary>
/// The end of a placement (items 16, 52): from its last day the mentor is asked for the final review (көз караш), the
/// characterization (мүнөздөмө) and a final grade; the supervisor reads them when they arrive. Scope and state are checked
/// on every step. Does not save: the caller commits.
/// </summary>
public sealed class FinalReviews(CollegeDb db, Outbox outbox, CollegeCalendar calendar, ILogger<FinalReviews> logger)
{
    public const string Prefix = "wf";
    public const int MaxTextLength = 3000;

    /// <summary>Placements that ended longer ago than this are history: nobody is asked about them any more.</summary>
    public const int AskForDays = 30;

    /// <summary>The message that asks the mentor for the final review, with the button that starts it.</summary>
    public static OutgoingMessage Request(Placement placement) =>
        OutgoingMessage.Of(Describe("final.request", placement))
            .WithButtons([Button.Of("final.button.start", $"{Prefix}:s:{placement.Id.ToString(CultureInfo.InvariantCulture)}")]);

    /// <summary>The placements of this mentor whose final review is due: ended, recently, and not written yet.</summary>
    public async Task<IReadOnlyList<Placement>> DueAsync(Person mentor, CancellationToken ct)
    {
        var today = calendar.Today;
        var since = today.AddDays(-AskForDays);
        return await WithPeople(db.Placements)
            .Where(p => p.MentorId == mentor.Id && p.FinalAt == null && p.EndsOn <= today && p.EndsOn >= since)
            .OrderBy(p => p.EndsOn).ThenBy(p => p.Id)
            .ToListAsync(ct);
    }

    /// <summary>Whether the mentor may write the final review of the placement now; changes nothing.</summary>
    public async Task<FinalResult> OpenAsync(Person mentor, int placementId, CancellationToken ct)
    {
        var placement = await WithPeople(db.Placements).FirstOrDefaultAsync(p => p.Id == placementId, ct);
        if (placement is null || placement.MentorId != mentor.Id)
        {
            logger.LogWarning("Person {PersonId} tried the final review of placement {PlacementId}, which is not theirs; refused", mentor.Id, placementId);
            return new FinalResult.NotYours();
        }

        return placement.HasFinal ? new FinalResult.AlreadySubmitted(placement)
            : placement.EndsOn > calendar.Today ? new FinalResult.NotYet(placement)
            : new FinalResult.Open(placement);
    }

    public async Task<FinalResult> SubmitAsync(Person mentor, int placementId, string review, string characterization, int grade, CancellationToken ct)
    {
        var open = DiaryReview.Grades.Contains(grade) ? await OpenAsync(mentor, placementId, ct) : new FinalResult.NotYours();
        if (open is not FinalResult.Open(var placement))
        {
            return open;
        }

        placement.FinalReview = review;
        placement.Characterization = characterization;
        placement.FinalGrade = grade;
        placement.FinalAt = calendar.UtcNow;

        var toSupervisor = Describe("final.arrived.supervisor", placement)
            .With("mentor", mentor.FullName).With("grade", grade).With("review", review).With("characterization", characterization);
        await outbox.EnqueueAsync(placement.Supervisor!, "final.arrived", OutgoingMessage.Of(toSupervisor), ct, dedupeKey: $"final:{placement.Id}:supervisor");
        var toStudent = Describe("final.arrived.student", placement).With("mentor", mentor.FullName).With("grade", grade);
        await outbox.EnqueueAsync(placement.Student!, "final.arrived", OutgoingMessage.Of(toStudent), ct, dedupeKey: $"final:{placement.Id}:student");
        return new FinalResult.Submitted(placement);
    }

    /// <summary>Whose placement, which, where and when: the words every message about a placement starts from.</summary>
    public static Text Describe(string key, Placement placement) =>
        Text.Of(key)
            .With("student", placement.Student!.FullName)
            .With("placement", WblText.FormOf(placement))
            .With("organization", placement.Organization!.Name)
            .With("starts", placement.StartsOn)
            .With("ends", placement.EndsOn);

    /// <summary>A placement query with everyone and everything its messages name.</summary>
    public static IQueryable<Placement> WithPeople(IQueryable<Placement> placements) =>
        placements.Include(p => p.Student).Include(p => p.Mentor).Include(p => p.Supervisor).Include(p => p.Organization);
}
