using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// Marks a missed class as made up and, in the same unit of work, tells the student and every linked parent.
/// Scope is checked here, not only by the caller, so a forged button cannot sign off another curator's student.
/// Does not save: the caller commits.
/// </summary>
public sealed class CatchUpSignOff(CollegeDb db, StudentFamily family, AttendanceAccess access, CollegeCalendar calendar)
{
    /// <summary>The student's catch-up for the absence on <paramref name="date"/>, or the oldest open one when no date is given.</summary>
    public async Task<SignOffResult> SignOffAsync(Person signer, string studentCode, DateOnly? date, CancellationToken ct)
    {
        var student = await db.People.FirstOrDefaultAsync(p => p.Code == studentCode, ct);
        if (student is null || !student.Has(Roles.Student))
        {
            return new SignOffResult.UnknownStudent(studentCode);
        }

        if (!await access.MayRecordForAsync(signer, student, ct))
        {
            return new SignOffResult.NotYourStudent(student);
        }

        var candidates = await db.Absences
            .Where(a => a.StudentId == student.Id && a.CatchUpDueOn != null)
            .Where(a => date == null || a.Date == date)
            .ToListAsync(ct);
        var open = candidates.Where(a => a.CatchUpOpen).OrderBy(a => a.Date).ThenBy(a => a.Id).FirstOrDefault();
        if (open is not null)
        {
            return await MarkAsync(signer, open, student, ct);
        }

        // With a date the curator means one absence: if it was made up already, say so rather than "nothing open".
        var done = date is null ? null : candidates.OrderByDescending(a => a.CaughtUpAt).FirstOrDefault();
        return done is not null
            ? new SignOffResult.AlreadyDone(done, student)
            : new SignOffResult.NoOpenCatchUp(student, date);
    }

    /// <summary>One absence by its id, as a button names it.</summary>
    public async Task<SignOffResult> SignOffAsync(Person signer, long absenceId, CancellationToken ct)
    {
        var absence = await db.Absences.Include(a => a.Student).FirstOrDefaultAsync(a => a.Id == absenceId, ct);
        if (absence?.Student is not { } student)
        {
            return new SignOffResult.UnknownAbsence(absenceId);
        }

        if (!await access.MayRecordForAsync(signer, student, ct))
        {
            return new SignOffResult.NotYourStudent(student);
        }

        if (absence.CaughtUpAt is not null)
        {
            return new SignOffResult.AlreadyDone(absence, student);
        }

        return absence.CatchUpDueOn is null
            ? new SignOffResult.NoOpenCatchUp(student, absence.Date)
            : await MarkAsync(signer, absence, student, ct);
    }

    private async Task<SignOffResult> MarkAsync(Person signer, Absence absence, Person student, CancellationToken ct)
    {
        absence.CaughtUpAt = calendar.UtcNow;
        absence.CaughtUpById = signer.Id;

        var unreached = await family.TellAsync(absence, student, "catchup.signed", $"catchup:{absence.Id}",
            AbsenceText.Describe("catchup.notify.student", absence, student), AbsenceText.Describe("catchup.notify.parent", absence, student), ct);
        return new SignOffResult.SignedOff(absence, student, unreached);
    }
}
