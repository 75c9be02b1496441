using CollegeBot.Domain.College;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>
/// The student's side of the diary: one entry per day in the placement of today, a second message that day added to it,
/// and the text changeable until the mentor grades it. Every new or changed entry goes to the mentor at once. Saves only
/// to give a new entry its id, inside the caller's transaction; the caller commits.
/// </summary>
public sealed class DiaryDesk(CollegeDb db, DiaryReview review, CollegeCalendar calendar)
{
    public const int MaxTextLength = 2000;
    public const int MaxHours = 24;
    public const string EditPrefix = "dy:e:";

    /// <summary>The student's placement of today, with its organisation and mentor; a student's placements never overlap.</summary>
    public Task<Placement?> ActivePlacementAsync(Person student, CancellationToken ct)
    {
        var today = calendar.Today;
        return db.Placements.Include(p => p.Organization).Include(p => p.Mentor)
            .FirstOrDefaultAsync(p => p.StudentId == student.Id && p.StartsOn <= today && p.EndsOn >= today, ct);
    }

    /// <summary>Today's entry: a new one, or the text added to the one of today while the mentor has not graded it.</summary>
    public async Task<DiaryResult> WriteAsync(Person student, string text, int? hours, CancellationToken ct)
    {
        text = text.Trim();
        if (await ActivePlacementAsync(student, ct) is not { } placement)
        {
            return new DiaryResult.NoPlacement();
        }

        if (text.Length == 0)
        {
            return new DiaryResult.Empty();
        }

        var today = calendar.Today;
        var entry = await db.DiaryEntries.FirstOrDefaultAsync(e => e.PlacementId == placement.Id && e.Date == today, ct);
        if (entry is null)
        {
            if (text.Length > MaxTextLength)
            {
                return new DiaryResult.TooLong(MaxTextLength, text.Length);
            }

            entry = new DiaryEntry
            {
                PlacementId = placement.Id,
                Date = today,
                Text = text,
                Hours = hours ?? calendar.DailyNorm(placement),
                CreatedAt = calendar.UtcNow,
            };
            db.DiaryEntries.Add(entry);
            return await SubmitAsync(entry, placement, student, DiarySave.New, ct);
        }

        if (entry.IsReviewed)
        {
            return new DiaryResult.AlreadyReviewed(entry);
        }

        var whole = entry.Text + "\n" + text;
        if (whole.Length > MaxTextLength)
        {
            return new DiaryResult.TooLong(MaxTextLength, whole.Length);
        }

        entry.Text = whole;
        entry.Hours = hours is { } more ? Math.Min(MaxHours, (entry.Hours ?? 0) + more) : entry.Hours;
        return await SubmitAsync(entry, placement, student, DiarySave.Appended, ct);
    }

    /// <summary>Replaces the text (and the hours, when given) of an entry the mentor has not graded: today's, or one sent back.</summary>
    public async Task<DiaryResult> EditAsync(Person student, long entryId, string text, int? hours, CancellationToken ct)
    {
        text = text.Trim();
        var (refusal, entry) = await EditableAsync(student, entryId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (text.Length == 0)
        {
            return new DiaryResult.Empty();
        }

        if (text.Length > MaxTextLength)
        {
            return new DiaryResult.TooLong(MaxTextLength, text.Length);
        }

        entry!.Text = text;
        entry.Hours = hours ?? entry.Hours;
        return await SubmitAsync(entry, entry.Placement!, student, DiarySave.Edited, ct);
    }

    /// <summary>The student's entry if it may still change, else why not.</summary>
    public async Task<(DiaryResult? Refusal, DiaryEntry? Entry)> EditableAsync(Person student, long entryId, CancellationToken ct)
    {
        var entry = await db.DiaryEntries.Include(e => e.Placement!).ThenInclude(p => p.Mentor)
            .FirstOrDefaultAsync(e => e.Id == entryId && e.Placement!.StudentId == student.Id, ct);
        return entry switch
        {
            null => (new DiaryResult.UnknownEntry(), null),
            { IsReviewed: true } => (new DiaryResult.AlreadyReviewed(entry), entry),
            _ => (null, entry),
        };
    }

    private async Task<DiaryResult> SubmitAsync(DiaryEntry entry, Placement placement, Person student, DiarySave how, CancellationToken ct)
    {
        if (how != DiarySave.New)
        {
            entry.Version++;
        }

        entry.Status = DiaryStatus.Pending;
        entry.SubmittedAt = calendar.UtcNow;
        await db.SaveChangesAsync(ct); // inside the caller's transaction: gives a new entry its id for the mentor's buttons
        await review.QueueCardAsync(entry, placement, student, ct);
        return new DiaryResult.Saved(entry, placement, how);
    }
}
