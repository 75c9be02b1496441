using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Attendance;

/// <summary>A student's absences that may get an excuse now, and those that cannot and why.</summary>
public sealed record ExcuseChoices(IReadOnlyList<Absence> Open, IReadOnlyList<Absence> Pending, int TooLate, int Days);

/// <summary>
/// Excuses (DOMAIN.md §1): a student sends one for their own recent absence with a photo or file as proof; the curators
/// of the student's group get it with Approve / Reject buttons. Scope and state are checked here, not only by the caller,
/// so a forged or repeated button changes nothing. Does not save, except to give a new excuse its id: the caller commits.
/// </summary>
public sealed class ExcuseDesk(
    CollegeDb db,
    Outbox outbox,
    StudentFamily family,
    AttendanceAccess access,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> options)
{
    public const string ApprovePrefix = "ex:ok:";
    public const string RejectPrefix = "ex:no:";

    private int Days => options.Value.ExcuseSubmissionDays;

    /// <summary>The first day whose absences may still be excused today.</summary>
    private DateOnly FirstOpenDay => calendar.Today.AddDays(-Days);

    public IReadOnlyDictionary<string, bool> Reasons => options.Value.ExcuseReasons;

    public async Task<ExcuseChoices> ChoicesAsync(Person student, CancellationToken ct)
    {
        var unexcused = await db.Absences.Where(a => a.StudentId == student.Id && !a.Excused).OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);
        var pending = await PendingAbsenceIdsAsync(student, ct);
        var recent = unexcused.Where(a => a.Date >= FirstOpenDay).ToList();
        return new ExcuseChoices(
            [.. recent.Where(a => !pending.Contains(a.Id))],
            [.. recent.Where(a => pending.Contains(a.Id))],
            unexcused.Count(a => a.Date < FirstOpenDay && !pending.Contains(a.Id)),
            Days);
    }

    public Task<bool> HasCuratorAsync(Person student, CancellationToken ct) =>
        db.GroupCurators.AnyAsync(g => g.GroupId == student.GroupId, ct);

    /// <summary>Checks what can be checked before the student writes and attaches anything.</summary>
    public async Task<SubmitResult?> CheckAsync(Person student, long absenceId, CancellationToken ct)
    {
        var absence = await db.Absences.FirstOrDefaultAsync(a => a.Id == absenceId && a.StudentId == student.Id, ct);
        if (absence is null)
        {
            return new SubmitResult.UnknownAbsence(absenceId);
        }

        if (absence.Excused)
        {
            return new SubmitResult.AlreadyExcused(absence);
        }

        if (absence.Date < FirstOpenDay)
        {
            return new SubmitResult.TooLate(absence, Days);
        }

        if ((await PendingAbsenceIdsAsync(student, ct)).Contains(absence.Id))
        {
            return new SubmitResult.AlreadyPending(absence);
        }

        return await HasCuratorAsync(student, ct) ? null : new SubmitResult.NoCurator();
    }

    public async Task<SubmitResult> SubmitAsync(
        Person student, long absenceId, string reasonCode, string comment, Attachment proof, string? fileName, CancellationToken ct)
    {
        if (await CheckAsync(student, absenceId, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Reasons.ContainsKey(reasonCode))
        {
            return new SubmitResult.UnknownReason(reasonCode);
        }

        var absence = await db.Absences.SingleAsync(a => a.Id == absenceId, ct);
        var excuse = new Excuse
        {
            AbsenceId = absence.Id,
            StudentId = student.Id,
            ReasonCode = reasonCode,
            Comment = comment,
            FileId = proof.FileId,
            FileIsPhoto = proof.IsPhoto,
            FileName = fileName,
            Status = ExcuseStatus.Pending,
            SubmittedAt = calendar.UtcNow,
        };
        db.Excuses.Add(excuse);
        await db.SaveChangesAsync(ct); // inside the caller's transaction: gives the excuse its id for the buttons

        var curators = await db.GroupCurators.Where(g => g.GroupId == student.GroupId).Select(g => g.Curator!).ToListAsync(ct);
        var toCurator = await ForReviewAsync(excuse, absence, student, ct);
        foreach (var curator in curators)
        {
            await outbox.EnqueueAsync(curator, "excuse.submitted", toCurator, ct, dedupeKey: $"excuse:{excuse.Id}:curator:{curator.Id}");
        }

        return new SubmitResult.Submitted(excuse, absence);
    }

    /// <summary>The excuse as a curator decides it: what it says, the proof, and the Approve / Reject buttons.</summary>
    /// <param name="heading">A line before the excuse (a reminder that it is still waiting), or none.</param>
    public async Task<OutgoingMessage> ForReviewAsync(Excuse excuse, Absence absence, Person student, CancellationToken ct, Text? heading = null)
    {
        var described = await DescribeAsync(excuse, absence, student, ct);
        var message = (heading is null ? OutgoingMessage.Of(described) : OutgoingMessage.Of(heading, described))
            with { Attachment = new Attachment(excuse.FileId, excuse.FileIsPhoto) };
        return message.WithButtons([Button.Of("excuse.review.approve", ApprovePrefix + excuse.Id), Button.Of("excuse.review.reject", RejectPrefix + excuse.Id)]);
    }

    /// <summary>Whether the curator may decide the excuse now; changes nothing.</summary>
    public async Task<ReviewResult> ReviewableAsync(Person curator, long excuseId, CancellationToken ct)
    {
        var excuse = await db.Excuses.Include(e => e.Absence).Include(e => e.Student).FirstOrDefaultAsync(e => e.Id == excuseId, ct);
        if (excuse is not { Absence: { } absence, Student: { } student })
        {
            return new ReviewResult.UnknownExcuse(excuseId);
        }

        if (student.GroupId is not { } groupId || !(await access.CuratedGroupIdsAsync(curator, ct)).Contains(groupId))
        {
            return new ReviewResult.NotYourStudent(student);
        }

        return excuse.Status == ExcuseStatus.Pending
            ? new ReviewResult.Open(excuse, absence, student)
            : new ReviewResult.AlreadyDecided(excuse, student);
    }

    /// <summary>Excuses the absence; the class must still be made up only when the reason says so.</summary>
    public async Task<ReviewResult> ApproveAsync(Person curator, long excuseId, CancellationToken ct)
    {
        var review = await ReviewableAsync(curator, excuseId, ct);
        if (review is not ReviewResult.Open(var excuse, var absence, var student))
        {
            return review;
        }

        Decide(excuse, curator, ExcuseStatus.Approved, note: null);
        absence.Excused = true;
        if (!NeedsCatchUp(excuse.ReasonCode))
        {
            absence.CatchUpDueOn = null;
        }

        var unreached = await family.TellAsync(absence, student, "excuse.approved", $"excuse:{excuse.Id}:approved",
            Approved("excuse.approved.student", absence, student), Approved("excuse.approved.parent", absence, student), ct);
        return new ReviewResult.Approved(excuse, absence, student, unreached);
    }

    /// <summary>Leaves the absence unexcused and tells the student the curator's reason.</summary>
    public async Task<ReviewResult> RejectAsync(Person curator, long excuseId, string note, CancellationToken ct)
    {
        var review = await ReviewableAsync(curator, excuseId, ct);
        if (review is not ReviewResult.Open(var excuse, var absence, var student))
        {
            return review;
        }

        Decide(excuse, curator, ExcuseStatus.Rejected, note);
        var text = AbsenceText.Describe("excuse.rejected.student", absence, student).With("note", note);
        await outbox.EnqueueAsync(student, "excuse.rejected", OutgoingMessage.Of(text), ct, dedupeKey: $"excuse:{excuse.Id}:rejected:student");
        return new ReviewResult.Rejected(excuse, absence, student);
    }

    /// <summary>The excuse as the curator sees it: who, which absence, the reason and what the student wrote.</summary>
    public async Task<Text> DescribeAsync(Excuse excuse, Absence absence, Person student, CancellationToken ct)
    {
        var group = await db.Groups.Where(g => g.Id == student.GroupId).Select(g => g.Name).FirstOrDefaultAsync(ct);
        return AbsenceText.Describe("excuse.curator", absence, student)
            .With("group", group ?? "—")
            .With("reason", ReasonText(excuse.ReasonCode))
            .With("catchup", Text.Of(NeedsCatchUp(excuse.ReasonCode) ? "excuse.catchup.required" : "excuse.catchup.not_required"))
            .With("comment", excuse.Comment ?? "");
    }

    /// <summary>
    /// A reason's name in the reader's language. The catalogs hold names for the default codes only; a code the college
    /// added in its settings is shown as it is written there.
    /// </summary>
    public static Text ReasonText(string code) =>
        AttendanceOptions.DefaultExcuseReasons.ContainsKey(code)
            ? Text.Of("excuse.reason." + code)
            : Text.Of("excuse.reason.other").With("code", code);

    /// <summary>A reason removed from the settings since keeps the catch-up: the safe side.</summary>
    private bool NeedsCatchUp(string code) => !Reasons.TryGetValue(code, out var needed) || needed;

    private static Text Approved(string key, Absence absence, Person student) =>
        AbsenceText.Describe(key, absence, student).With("catchup", absence.CatchUpDueOn is { } due
            ? Text.Of("excuse.approved.catchup_kept").WithDistance("due", due)
            : Text.Of("excuse.approved.catchup_dropped"));

    private void Decide(Excuse excuse, Person curator, ExcuseStatus status, string? note)
    {
        excuse.Status = status;
        excuse.DecidedById = curator.Id;
        excuse.DecidedAt = calendar.UtcNow;
        excuse.DecisionNote = note;
    }

    private async Task<HashSet<long>> PendingAbsenceIdsAsync(Person student, CancellationToken ct) =>
        [.. await db.Excuses.Where(e => e.StudentId == student.Id && e.Status == ExcuseStatus.Pending).Select(e => e.AbsenceId).ToListAsync(ct)];
}
