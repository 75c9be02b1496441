using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// Records an absence with its catch-up due date and, in the same unit of work, tells the student and every linked
/// parent, and the curators when the month's unexcused hours cross a band. Does not save: the caller commits.
/// </summary>
public sealed class AbsenceRecorder(
    CollegeDb db,
    Outbox outbox,
    StudentFamily family,
    AttendanceAccess access,
    CatchUpPolicy policy,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> options)
{
    public async Task<RecordResult> RecordAsync(Person recorder, string studentCode, int hours, DateOnly date, string? subject, CancellationToken ct)
    {
        var today = calendar.Today;
        if (date > today)
        {
            return new RecordResult.DateInFuture(date);
        }

        if (date < today.AddDays(-options.Value.MaxBackdateDays))
        {
            return new RecordResult.DateTooOld(date, options.Value.MaxBackdateDays);
        }

        var student = await StudentQuery(db, studentCode, ct);
        if (student is null || !student.Has(Roles.Student))
        {
            return new RecordResult.UnknownStudent(studentCode);
        }

        if (!await access.MayRecordForAsync(recorder, student, ct))
        {
            return new RecordResult.NotYourStudent(student);
        }

        // The student's month answers both questions: is this one recorded already, and which band it reaches.
        var key = Absence.KeyOf(subject);
        var first = new DateOnly(date.Year, date.Month, 1);
        var month = await MonthQuery(db, student.Id, first, first.AddMonths(1)).ToListAsync(ct);
        if (month.FirstOrDefault(a => a.Date == date && a.SubjectKey == key) is { } same)
        {
            return new RecordResult.AlreadyRecorded(await db.Absences.SingleAsync(a => a.Id == same.Id, ct), student);
        }

        var absence = new Absence
        {
            StudentId = student.Id,
            Date = date,
            Hours = hours,
            Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim(),
            SubjectKey = key,
            RecordedById = recorder.Id,
            RecordedAt = calendar.UtcNow,
            CatchUpDueOn = policy.DueDateFor(date),
        };
        db.Absences.Add(absence);

        var unreached = await NotifyAsync(absence, student, ct);
        var unexcused = month.Where(a => !a.Excused).Sum(a => a.Hours);
        await new EscalationBands(db, outbox, family, options.Value).CheckAsync(student, date, unexcused, unexcused + hours, ct);
        return new RecordResult.Recorded(absence, student, unreached);
    }

    // The two queries of every /absent, compiled once (see UpdateRouter's caller query). The parents come with the
    // student: they are told of the absence.
    private static readonly Func<CollegeDb, string, CancellationToken, Task<Person?>> StudentQuery =
        EF.CompileAsyncQuery((CollegeDb db, string code, CancellationToken ct) =>
            db.People.Include(p => p.Parents).ThenInclude(pc => pc.Parent).FirstOrDefault(p => p.Code == code));

    private static readonly Func<CollegeDb, int, DateOnly, DateOnly, IAsyncEnumerable<MonthAbsence>> MonthQuery =
        EF.CompileAsyncQuery((CollegeDb db, int studentId, DateOnly from, DateOnly until) =>
            db.Absences.Where(a => a.StudentId == studentId && a.Date >= from && a.Date < until)
                .Select(a => new MonthAbsence(a.Id, a.Date, a.SubjectKey, a.Hours, a.Excused)));

    private sealed record MonthAbsence(long Id, DateOnly Date, string SubjectKey, int Hours, bool Excused);

    /// <summary>The student and each parent hear of it at once; people not linked yet get it when they link.</summary>
    private Task<IReadOnlyList<Person>> NotifyAsync(Absence absence, Person student, CancellationToken ct) =>
        family.TellAsync(absence, student, "absence.recorded", dedupeKey: null,
            Describe("absence.notify.student", absence, student), Describe("absence.notify.parent", absence, student), ct);

    /// <summary>An absence in words: who, when, how many hours, which subject, and the catch-up due date.</summary>
    public static Text Describe(string key, Absence absence, Person student) =>
        AbsenceText.Describe(key, absence, student).WithDistance("due", absence.CatchUpDueOn ?? absence.Date);
}
