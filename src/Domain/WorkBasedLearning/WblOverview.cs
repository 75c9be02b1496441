using System.Numerics;
using CollegeBot.Domain.College;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>What is wrong with a placement: the same conditions the reminders and the supervisor's notices act on.</summary>
[Flags]
public enum PlacementProblems
{
    None = 0,

    /// <summary>Ended <see cref="WorkBasedLearningOptions.FinalReviewGraceDays"/> days ago or more, and the mentor's final review has not come.</summary>
    FinalReviewMissing = 1,

    /// <summary>Entries have waited for the mentor's review longer than <c>ReviewReminderAfterDays</c>.</summary>
    ReviewsOverdue = 2,

    /// <summary>Going on today, and the student has written nothing for <c>DiaryReminderAfterDays</c> working days.</summary>
    StudentSilent = 4,
}

public enum PlacementPhase
{
    Upcoming,
    Active,
    Ended,
}

/// <summary>
/// One placement as its supervisor (or the student) sees it: the diary's counts, the last entry and review, and what is
/// wrong. <see cref="Placement"/> comes with its student, mentor, supervisor and organisation.
/// </summary>
public sealed record PlacementState(
    Placement Placement,
    PlacementPhase Phase,
    int Written,
    int Reviewed,
    int Waiting,
    int Returned,
    decimal? AverageGrade,
    DateOnly? LastEntryOn,
    DateOnly? LastReviewOn,
    bool WrittenToday,
    int OverdueReviews,
    int SilentDays,
    PlacementProblems Problems)
{
    public bool HasProblems => Problems != PlacementProblems.None;

    public bool Has(PlacementProblems problem) => (Problems & problem) != 0;
}

/// <summary>
/// The supervisor's overview of work-based learning (<c>/wbl</c>) and the student's own placement (<c>/my</c>). One SQL
/// query per view: each placement with its people and its diary's counts aggregated in the database. Reads only; the
/// caller has checked the role, and each query is limited to what that person may see.
/// </summary>
public sealed class WblOverview(CollegeDb db, CollegeCalendar calendar, IOptions<WorkBasedLearningOptions> options)
{
    /// <summary>Placements that ended longer ago than this are history and left out of the overview, as the final review's requests leave them.</summary>
    public const int HistoryDays = FinalReviews.AskForDays;

    /// <summary>
    /// The placements a supervisor supervises (an admin: all), those going on, coming or ended within
    /// <see cref="HistoryDays"/> days; problems first, then those going on, ended, coming; by student within each.
    /// </summary>
    public async Task<IReadOnlyList<PlacementState>> ForOverseerAsync(Person caller, CancellationToken ct)
    {
        var since = calendar.Today.AddDays(-HistoryDays);
        var placements = db.Placements.Where(p => p.EndsOn >= since);
        if (!caller.Has(Roles.Admin))
        {
            var supervisorId = caller.Has(Roles.Supervisor) ? caller.Id : 0;
            placements = placements.Where(p => p.SupervisorId == supervisorId);
        }

        var states = await StatesAsync(placements, ct);
        return
        [
            .. states
                .OrderByDescending(s => s.HasProblems)
                .ThenByDescending(s => BitOperations.PopCount((uint)s.Problems))
                .ThenBy(s => s.Phase switch { PlacementPhase.Active => 0, PlacementPhase.Ended => 1, _ => 2 })
                .ThenBy(s => s.Placement.Student!.FullName, StringComparer.CurrentCulture)
                .ThenBy(s => s.Placement.StartsOn)
                .ThenBy(s => s.Placement.Id),
        ];
    }

    /// <summary>The student's placement of today, else the one that starts latest (coming or past); null when they have none.</summary>
    public async Task<PlacementState?> ForStudentAsync(Person student, CancellationToken ct)
    {
        var states = await StatesAsync(db.Placements.Where(p => p.StudentId == student.Id), ct);
        return states.FirstOrDefault(s => s.Phase == PlacementPhase.Active)
            ?? states.OrderByDescending(s => s.Placement.StartsOn).ThenByDescending(s => s.Placement.Id).FirstOrDefault();
    }

    private async Task<IReadOnlyList<PlacementState>> StatesAsync(IQueryable<Placement> placements, CancellationToken ct)
    {
        var today = calendar.Today;
        var overdueBefore = calendar.UtcNow - TimeSpan.FromDays(options.Value.ReviewReminderAfterDays);
        var diaries =
            from e in db.DiaryEntries
            group e by e.PlacementId into g
            select new
            {
                PlacementId = g.Key,
                Written = g.Count(),
                Reviewed = g.Count(e => e.Status == DiaryStatus.Reviewed),
                Waiting = g.Count(e => e.Status == DiaryStatus.Pending),
                Returned = g.Count(e => e.Status == DiaryStatus.Returned),
                Overdue = g.Count(e => e.Status == DiaryStatus.Pending && e.SubmittedAt < overdueBefore),
                Average = g.Average(e => e.Status == DiaryStatus.Reviewed ? (double?)e.Grade : null),
                LastEntryOn = g.Max(e => (DateOnly?)e.Date),
                LastReviewAt = g.Max(e => e.ReviewedAt),
                WrittenToday = g.Count(e => e.Date == today),
            };
        // Left joined: a placement without entries has nulls here, hence the casts.
        var rows = await (
            from p in placements
            join d in diaries on p.Id equals d.PlacementId into joined
            from d in joined.DefaultIfEmpty()
            select new
            {
                Placement = p, p.Student, p.Mentor, p.Supervisor, p.Organization,
                Written = (int?)d!.Written, Reviewed = (int?)d.Reviewed, Waiting = (int?)d.Waiting, Returned = (int?)d.Returned,
                Overdue = (int?)d.Overdue, WrittenToday = (int?)d.WrittenToday, d.Average, d.LastEntryOn, d.LastReviewAt,
            })
            .AsNoTracking()
            .ToListAsync(ct);

        return [.. rows.Select(r =>
        {
            var placement = r.Placement;
            (placement.Student, placement.Mentor, placement.Supervisor, placement.Organization) = (r.Student, r.Mentor, r.Supervisor, r.Organization);
            return State(placement, r.Written ?? 0, r.Reviewed ?? 0, r.Waiting ?? 0, r.Returned ?? 0, r.Average,
                r.LastEntryOn, r.LastReviewAt, r.WrittenToday > 0, r.Overdue ?? 0, today);
        })];
    }

    private PlacementState State(
        Placement placement, int written, int reviewed, int waiting, int returned, double? average,
        DateOnly? lastEntryOn, DateTime? lastReviewAt, bool writtenToday, int overdue, DateOnly today)
    {
        var phase = placement.StartsOn > today ? PlacementPhase.Upcoming : placement.EndsOn < today ? PlacementPhase.Ended : PlacementPhase.Active;

        // As DiaryRemindersScan counts a silence: working days after the last entry, or since the first day, up to today.
        var silentDays = phase == PlacementPhase.Active ? calendar.WorkingDaysAfter(lastEntryOn ?? placement.StartsOn.AddDays(-1), today) : 0;
        var problems = PlacementProblems.None;
        if (!placement.HasFinal && placement.EndsOn.AddDays(WorkBasedLearningOptions.FinalReviewGraceDays) <= today)
        {
            problems |= PlacementProblems.FinalReviewMissing;
        }

        if (overdue > 0)
        {
            problems |= PlacementProblems.ReviewsOverdue;
        }

        if (silentDays >= options.Value.DiaryReminderAfterDays)
        {
            problems |= PlacementProblems.StudentSilent;
        }

        return new PlacementState(
            placement, phase, written, reviewed, waiting, returned,
            average is { } a ? Math.Round((decimal)a, 1, MidpointRounding.AwayFromZero) : null,
            lastEntryOn, lastReviewAt is { } at ? calendar.DateOf(at) : null,
            writtenToday, overdue, silentDays, problems);
    }
}
