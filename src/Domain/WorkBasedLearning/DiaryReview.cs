using System.Globalization;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>
/// The mentor's side of the diary (item 52: the assessment of each task, on time): every new or changed entry reaches the
/// mentor at once with one-tap grades and "Return with a comment"; the student hears the result. Scope, state and version
/// are checked here on every press, so another mentor's or a forged button, a second press or a button under an older
/// text changes nothing. Does not save: the caller commits.
/// </summary>
public sealed class DiaryReview(
    CollegeDb db, Outbox outbox, VolunteeringRule volunteering, CollegeCalendar calendar, ILogger<DiaryReview> logger)
{
    public const string Prefix = "dr";
    public const int MaxCommentLength = 1000;
    public static readonly IReadOnlyList<int> Grades = [5, 4, 3, 2];

    /// <summary>Sends the entry, as it is now, to the placement's mentor, once per version.</summary>
    public async Task QueueCardAsync(DiaryEntry entry, Placement placement, Person student, CancellationToken ct)
    {
        var mentor = placement.Mentor ?? await db.People.SingleAsync(p => p.Id == placement.MentorId, ct);
        await outbox.EnqueueAsync(mentor, "diary.entry", Card(entry, placement, student), ct, dedupeKey: $"diary:{entry.Id}:v{entry.Version}:mentor");
    }

    /// <summary>The entry as the mentor sees it; while it waits, with the grade buttons and "Return with a comment".</summary>
    public static OutgoingMessage Card(DiaryEntry entry, Placement placement, Person student)
    {
        var id = entry.Id.ToString(CultureInfo.InvariantCulture);
        var version = entry.Version.ToString(CultureInfo.InvariantCulture);
        var message = OutgoingMessage.Of(Describe(entry, placement, student));
        return entry.Status != DiaryStatus.Pending
            ? message
            : message.WithButtons(
                [.. Grades.Select(g => new Button(Text.Of("diary.button.grade").With("grade", g), $"{Prefix}:g:{id}:{version}:{g}"))],
                [Button.Of("diary.button.return", $"{Prefix}:r:{id}:{version}")]);
    }

    /// <summary>The card after the mentor acted: the entry with the grade or the return, no buttons.</summary>
    public static OutgoingMessage Decided(DiaryEntry entry, Placement placement, Person student, bool askForComment = false)
    {
        var outcome = entry.Status == DiaryStatus.Returned
            ? Text.Of("diary.card.returned").With("comment", entry.Comment ?? "")
            : Text.Of("diary.card.graded").With("grade", entry.Grade ?? 0);
        Text[] comment = entry is { Status: DiaryStatus.Reviewed, Comment: { } said } ? [Text.Of("diary.card.comment").With("comment", said)] : [];
        Text[] prompt = askForComment ? [Text.Of("diary.card.comment_prompt")] : [];
        return OutgoingMessage.Of([Describe(entry, placement, student), outcome, .. comment, .. prompt]);
    }

    /// <summary>A card whose entry the student changed since: the newer version came with buttons of its own.</summary>
    public static OutgoingMessage Replaced(DiaryEntry entry, Person student) =>
        OutgoingMessage.Of(Text.Of("diary.card.replaced").With("student", student.FullName).With("date", entry.Date));

    /// <summary>Whether the mentor may review this version of the entry now; changes nothing.</summary>
    public async Task<DiaryReviewResult> OpenAsync(Person mentor, long entryId, int version, CancellationToken ct)
    {
        var (entry, student) = await MineAsync(mentor, entryId, ct);
        return entry is null || student is null ? new DiaryReviewResult.NotYours()
            : entry.Status != DiaryStatus.Pending ? new DiaryReviewResult.AlreadyReviewed(entry, student)
            : entry.Version != version ? new DiaryReviewResult.Changed(entry, student)
            : new DiaryReviewResult.Open(entry, student);
    }

    public async Task<DiaryReviewResult> GradeAsync(Person mentor, long entryId, int version, int grade, CancellationToken ct)
    {
        var open = Grades.Contains(grade) ? await OpenAsync(mentor, entryId, version, ct) : new DiaryReviewResult.NotYours();
        if (open is not DiaryReviewResult.Open(var entry, var student))
        {
            return open;
        }

        Decide(entry, mentor, DiaryStatus.Reviewed, grade, comment: null);
        var text = Told("diary.graded.student", entry, mentor).With("grade", grade);
        await outbox.EnqueueAsync(student, "diary.graded", OutgoingMessage.Of(text), ct, dedupeKey: $"diary:{entry.Id}:v{entry.Version}:graded");
        await volunteering.CheckAsync(entry.Placement!, ct);
        return new DiaryReviewResult.Graded(entry, student);
    }

    /// <summary>Sends the entry back to the student with what to fix; the student edits it and it comes back.</summary>
    public async Task<DiaryReviewResult> ReturnAsync(Person mentor, long entryId, int version, string comment, CancellationToken ct)
    {
        var open = await OpenAsync(mentor, entryId, version, ct);
        if (open is not DiaryReviewResult.Open(var entry, var student))
        {
            return open;
        }

        Decide(entry, mentor, DiaryStatus.Returned, grade: null, comment);
        var text = Told("diary.returned.student", entry, mentor).With("comment", comment);
        var edit = Button.Of("diary.button.edit", DiaryDesk.EditPrefix + entry.Id.ToString(CultureInfo.InvariantCulture));
        await outbox.EnqueueAsync(student, "diary.returned", OutgoingMessage.Of(text).WithButtons([edit]), ct,
            dedupeKey: $"diary:{entry.Id}:v{entry.Version}:returned");
        return new DiaryReviewResult.Returned(entry, student);
    }

    /// <summary>A word on a grade already given, which the student reads too.</summary>
    public async Task<DiaryReviewResult> CommentAsync(Person mentor, long entryId, string comment, CancellationToken ct)
    {
        var (entry, student) = await MineAsync(mentor, entryId, ct);
        if (entry is not { Status: DiaryStatus.Reviewed } || student is null)
        {
            return new DiaryReviewResult.NotYours();
        }

        entry.Comment = comment;
        var text = Told("diary.comment.student", entry, mentor).With("grade", entry.Grade ?? 0).With("comment", comment);
        await outbox.EnqueueAsync(student, "diary.comment", OutgoingMessage.Of(text), ct);
        return new DiaryReviewResult.Commented(entry, student);
    }

    /// <summary>The entries waiting for this mentor's review, oldest first, with their placement and student.</summary>
    public async Task<IReadOnlyList<DiaryEntry>> PendingAsync(Person mentor, CancellationToken ct) =>
        await db.DiaryEntries
            .Include(e => e.Placement!).ThenInclude(p => p.Student)
            .Include(e => e.Placement!).ThenInclude(p => p.Organization)
            .Where(e => e.Status == DiaryStatus.Pending && e.Placement!.MentorId == mentor.Id)
            .OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id)
            .ToListAsync(ct);

    private static Text Describe(DiaryEntry entry, Placement placement, Person student)
    {
        var text = Text.Of("diary.card")
            .With("student", student.FullName)
            .With("organization", placement.Organization?.Name ?? "")
            .With("date", entry.Date)
            .WithHours(entry.Hours)
            .WithOptional("changed", entry.Version > 1 ? Text.Of("diary.card.changed") : null)
            .With("text", entry.Text);
        return entry is { Status: DiaryStatus.Pending, Comment: { } before }
            ? Text.Of("diary.card.returned_before").With("card", text).With("comment", before)
            : text;
    }

    private static Text Told(string key, DiaryEntry entry, Person mentor) =>
        Text.Of(key).With("mentor", mentor.FullName).With("date", entry.Date);

    private void Decide(DiaryEntry entry, Person mentor, DiaryStatus status, int? grade, string? comment)
    {
        entry.Status = status;
        entry.Grade = grade;
        entry.Comment = comment;
        entry.ReviewedAt = calendar.UtcNow;
        entry.ReviewedById = mentor.Id;
    }

    private async Task<(DiaryEntry? Entry, Person? Student)> MineAsync(Person mentor, long entryId, CancellationToken ct)
    {
        var entry = await db.DiaryEntries
            .Include(e => e.Placement!).ThenInclude(p => p.Student)
            .Include(e => e.Placement!).ThenInclude(p => p.Organization)
            .FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry?.Placement is { Student: { } student } placement && placement.MentorId == mentor.Id)
        {
            return (entry, student);
        }

        logger.LogWarning("Person {PersonId} acted on diary entry {EntryId}, which is not of their mentees; refused", mentor.Id, entryId);
        return (null, null);
    }
}
