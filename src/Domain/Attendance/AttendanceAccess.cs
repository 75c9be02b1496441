using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// Whose attendance a person may record and see: a curator their groups' students, a teacher or an admin any
/// student, a student themself, a parent their children.
/// </summary>
public sealed class AttendanceAccess(CollegeDb db)
{
    public const Roles Recorders = Roles.Curator | Roles.Teacher | Roles.Admin;

    public async Task<bool> MayRecordForAsync(Person recorder, Person student, CancellationToken ct)
    {
        if (recorder.Has(Roles.Teacher | Roles.Admin))
        {
            return true;
        }

        return recorder.Has(Roles.Curator) && student.GroupId is { } groupId && await CuratesQuery(db, recorder.Id, groupId, ct);
    }

    // Asked on every /absent: compiled once.
    private static readonly Func<CollegeDb, int, int, CancellationToken, Task<bool>> CuratesQuery =
        EF.CompileAsyncQuery((CollegeDb db, int curatorId, int groupId, CancellationToken ct) =>
            db.GroupCurators.Any(g => g.CuratorId == curatorId && g.GroupId == groupId));

    /// <summary>The ids of the groups a curator curates.</summary>
    public Task<List<int>> CuratedGroupIdsAsync(Person curator, CancellationToken ct) =>
        db.GroupCurators.Where(g => g.CuratorId == curator.Id).Select(g => g.GroupId).ToListAsync(ct);
}
