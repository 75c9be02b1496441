using CollegeBot.Domain.College;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Attendance;

/// <summary>One student's month: the absences of this calendar month and every catch-up still open, of any month.</summary>
public sealed record StudentMonth(Person Student, IReadOnlyList<Absence> Absences, IReadOnlyList<Absence> OpenCatchUps)
{
    public int Missed => Absences.Sum(a => a.Hours);
    public int Excused => Absences.Where(a => a.Excused).Sum(a => a.Hours);
    public int Unexcused => Missed - Excused;
    public bool IsEmpty => Absences.Count == 0 && OpenCatchUps.Count == 0;
}

/// <summary>A curated group with its students' months, students by name.</summary>
public sealed record GroupMonth(Group Group, IReadOnlyList<StudentMonth> Students);

/// <summary>
/// What the views show: a curator's groups, a student's own month, a parent's children. Reads only; the caller has
/// already checked the role, and each query is limited to what that person may see.
/// </summary>
public sealed class AttendanceOverview(CollegeDb db, CollegeCalendar calendar)
{
    /// <summary>The first day of the current month in college time.</summary>
    public DateOnly MonthStart => new(calendar.Today.Year, calendar.Today.Month, 1);

    public async Task<IReadOnlyList<GroupMonth>> ForCuratorAsync(Person curator, CancellationToken ct)
    {
        var groups = await db.GroupCurators.Where(g => g.CuratorId == curator.Id).Select(g => g.Group!).AsNoTracking().ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var students = await db.People.Where(p => p.GroupId != null && groupIds.Contains(p.GroupId.Value)).AsNoTracking().ToListAsync(ct);
        var months = await MonthsOfAsync(students.Where(s => s.Has(Roles.Student)), ct);
        return
        [
            .. groups.OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => new GroupMonth(g, [.. months.Where(m => m.Student.GroupId == g.Id)])),
        ];
    }

    public async Task<StudentMonth> ForStudentAsync(Person student, CancellationToken ct) =>
        (await MonthsOfAsync([student], ct))[0];

    public async Task<IReadOnlyList<StudentMonth>> ForParentAsync(Person parent, CancellationToken ct)
    {
        var children = await db.ParentChildren.Where(pc => pc.ParentId == parent.Id).Select(pc => pc.Child!).AsNoTracking().ToListAsync(ct);
        return await MonthsOfAsync(children, ct);
    }

    private async Task<IReadOnlyList<StudentMonth>> MonthsOfAsync(IEnumerable<Person> students, CancellationToken ct)
    {
        var people = students.OrderBy(s => s.FullName, StringComparer.CurrentCulture).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var from = MonthStart;
        var next = from.AddMonths(1);
        var absences = await db.Absences
            .Where(a => ids.Contains(a.StudentId)
                && ((a.Date >= from && a.Date < next) || (a.CatchUpDueOn != null && a.CaughtUpAt == null)))
            .AsNoTracking()
            .ToListAsync(ct);
        var byStudent = absences.ToLookup(a => a.StudentId);
        return
        [
            .. people.Select(p => new StudentMonth(
                p,
                [.. byStudent[p.Id].Where(a => a.Date >= from && a.Date < next).OrderBy(a => a.Date).ThenBy(a => a.Id)],
                [.. byStudent[p.Id].Where(a => a.CatchUpOpen).OrderBy(a => a.CatchUpDueOn).ThenBy(a => a.Date).ThenBy(a => a.Id)])),
        ];
    }
}
