using System.Globalization;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Scheduler.Attendance;

/// <summary>
/// <c>CuratorDigest</c>: once a week each curator gets one message with a section per group they curate: last week's
/// absences, the catch-ups still open (overdue ones marked), the students in an escalation band this month, and the
/// students and parents of the group who have not linked Telegram or have blocked the bot, with their phones from the
/// roster so the curator can call. Once per curator and ISO week, whenever in the week it runs. Curators who cannot
/// read it (not linked, or blocked the bot) are skipped rather than sent a pile of old digests when they link.
/// </summary>
public sealed class CuratorDigestScan(
    CollegeDb db,
    Outbox outbox,
    CatchUpPolicy policy,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> options) : IScan
{
    public const string Name = "CuratorDigest";
    public const string Kind = "digest";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var week = new Week(thisMonday.AddDays(-7), thisMonday, new DateOnly(today.Year, today.Month, 1), today);
        var isoWeek = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";

        var curated = await db.GroupCurators
            .Where(g => g.Curator!.TelegramUserId != null && g.Curator.BlockedAt == null)
            .Include(g => g.Curator).Include(g => g.Group)
            .ToListAsync(ct);
        var groups = await GroupsAsync([.. curated.Select(g => g.GroupId).Distinct()], week, ct);
        foreach (var curator in curated.GroupBy(g => g.CuratorId))
        {
            List<Text> parts = [Text.Of("digest.title").With("from", week.From).With("to", week.To.AddDays(-1))];
            foreach (var group in curator.Select(g => groups[g.GroupId]).OrderBy(g => g.Group.Name, StringComparer.Ordinal))
            {
                parts.AddRange(Section(group, week));
            }

            var message = new OutgoingMessage { Parts = parts, Silent = true };
            await outbox.EnqueueAsync(curator.First().Curator!, Kind, message, ct, dedupeKey: $"digest:{isoWeek}:curator:{curator.Key}");
        }

        return await ScanCommit.SaveAsync(db, ct);
    }

    /// <summary>Last week is [<paramref name="From"/>, <paramref name="To"/>); the bands count from <paramref name="MonthStart"/>.</summary>
    private sealed record Week(DateOnly From, DateOnly To, DateOnly MonthStart, DateOnly Today);

    private sealed record GroupPicture(Group Group, List<Person> Students, List<Absence> Absences, ILookup<int, Person> ParentsOf);

    /// <summary>Everything the digests need, in four queries however many groups there are.</summary>
    private async Task<Dictionary<int, GroupPicture>> GroupsAsync(List<int> groupIds, Week week, CancellationToken ct)
    {
        var groups = await db.Groups.Where(g => groupIds.Contains(g.Id)).AsNoTracking().ToListAsync(ct);
        var people = await db.People.Where(p => p.GroupId != null && groupIds.Contains(p.GroupId.Value)).AsNoTracking().ToListAsync(ct);
        var students = people.Where(p => p.Has(Roles.Student)).OrderBy(p => p.FullName, StringComparer.CurrentCulture).ToList();
        var studentIds = students.Select(s => s.Id).ToList();
        var absences = await db.Absences
            .Where(a => studentIds.Contains(a.StudentId)
                && ((a.Date >= week.From && a.Date < week.To)
                    || (a.Date >= week.MonthStart && !a.Excused)
                    || (a.CatchUpDueOn != null && a.CaughtUpAt == null)))
            .AsNoTracking()
            .ToListAsync(ct);
        var parents = (await db.ParentChildren.Where(pc => studentIds.Contains(pc.ChildId)).Include(pc => pc.Parent).AsNoTracking().ToListAsync(ct))
            .ToLookup(pc => pc.ChildId, pc => pc.Parent!);
        return groups.ToDictionary(g => g.Id, g =>
        {
            var own = students.Where(s => s.GroupId == g.Id).ToList();
            var ids = own.Select(s => s.Id).ToHashSet();
            return new GroupPicture(g, own, [.. absences.Where(a => ids.Contains(a.StudentId))], parents);
        });
    }

    private IEnumerable<Text> Section(GroupPicture group, Week week)
    {
        var names = group.Students.ToDictionary(s => s.Id, s => s.FullName);
        List<Text> lines =
        [
            .. Titled("digest.absences", group.Absences
                .Where(a => a.Date >= week.From && a.Date < week.To)
                .OrderBy(a => a.Date).ThenBy(a => names[a.StudentId], StringComparer.CurrentCulture)
                .Select(a => Line("digest.absence", a, names).With("status", Text.Of(a.Excused ? "view.status.excused" : "view.status.unexcused")))),
            .. Titled("digest.catchups", group.Absences
                .Where(a => a.CatchUpOpen)
                .OrderBy(a => a.CatchUpDueOn).ThenBy(a => names[a.StudentId], StringComparer.CurrentCulture)
                .Select(a => Line(policy.IsOverdue(a.CatchUpDueOn!.Value, week.Today) ? "digest.catchup.overdue" : "digest.catchup", a, names)
                    .WithDistance("due", a.CatchUpDueOn!.Value))),
            .. Titled("digest.bands", group.Students.Select(s => Band(s, group.Absences, week)).OfType<Text>()),
            .. Titled("digest.unreached", Unreached(group)),
        ];

        return [Text.Of("digest.group").With("group", group.Group.Name), .. lines.Count == 0 ? [Text.Of("digest.quiet")] : lines];
    }

    private static Text Line(string key, Absence absence, Dictionary<int, string> names) =>
        Text.Of(key).With("student", names[absence.StudentId]).With("date", absence.Date).With("hours", absence.Hours).WithSubject(absence);

    /// <summary>The student's band of <c>MonthlyUnexcusedThresholds</c> this month with its measure, or null below the first.</summary>
    private Text? Band(Person student, List<Absence> absences, Week week)
    {
        var hours = absences.Where(a => a.StudentId == student.Id && !a.Excused && a.Date >= week.MonthStart).Sum(a => a.Hours);
        var thresholds = options.Value.MonthlyUnexcusedThresholds;
        var band = thresholds.Count(t => hours >= t);
        return band == 0
            ? null
            : Text.Of("digest.band").With("student", student.FullName).With("hours", hours).With("threshold", thresholds[band - 1])
                .With("measure", Text.Of("escalation.measure." + EscalationBands.Measures[Math.Min(band, EscalationBands.Measures.Length) - 1]));
    }

    /// <summary>The group's students, then their parents, who cannot read the bot: not linked, or blocked it.</summary>
    private static IEnumerable<Text> Unreached(GroupPicture group)
    {
        var parents = group.Students
            .SelectMany(s => group.ParentsOf[s.Id].Select(p => (Parent: p, Child: s)))
            .GroupBy(x => x.Parent.Id)
            .Select(g => (g.First().Parent, Who: Text.Of("digest.parent_of").With("children", string.Join(", ", g.Select(x => x.Child.FullName)))))
            .OrderBy(x => x.Parent.FullName, StringComparer.CurrentCulture);
        return group.Students.Select(s => (Person: s, Who: Text.Of("role.student")))
            .Concat(parents.Select(p => (Person: p.Parent, p.Who)))
            .Where(x => !x.Person.IsLinked || x.Person.BlockedAt is not null)
            .Select(x => Text.Of(x.Person.IsLinked ? "digest.unreached.blocked" : "digest.unreached.not_linked")
                .With("name", x.Person.FullName).With("who", x.Who).With("phone", x.Person.Phone ?? "—"));
    }

    /// <summary>A heading followed by its lines; nothing at all when there are none.</summary>
    private static IEnumerable<Text> Titled(string heading, IEnumerable<Text> lines)
    {
        var list = lines.ToList();
        return list.Count == 0 ? [] : [Text.Of(heading), .. list];
    }
}
