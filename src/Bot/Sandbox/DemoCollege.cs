using System.Globalization;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Domain.WorkBasedLearning.Import;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Sandbox;

/// <summary>Someone of the demo college, as the sandbox shows them and chats as them.</summary>
public sealed record DemoPerson(string Code, string FullName, Roles Roles, string Language, long TelegramUserId, string? Group);

/// <summary>
/// PLACEHOLDER for the demo college, to be replaced by the real one when both branches are merged; it has the same API
/// and the people, placements and facts the walk-through relies on, and little else. Everything is dated from the
/// sandbox's today.
/// </summary>
public sealed class DemoCollege(
    CollegeDb db, PeopleImporter people, PlacementImporter placements, CatchUpPolicy policy, CollegeCalendar calendar)
{
    public const string PendingExcusePhotoId = "AgACAgIAAxkBAAIdemoExcusePhotoS1003";

    private const string Roster = """
        role,code,full_name,group,phone,language,students
        curator,T1001,Нурлан Жумабеков,IT-1-24,+996555000111,ru,
        teacher,T1001,Нурлан Жумабеков,,+996555000111,ru,
        curator,T2001,Айнура Садыкова,EE-2-23,+996555000222,ky,
        student,S1001,Айгерим Токтогулова,IT-1-24,+996555100001,ky,
        student,S1002,Бакыт Асанов,IT-1-24,,ru,
        student,S1003,Chynara Bekova,IT-1-24,,en,
        student,S1004,Бекзат Исаев,IT-1-24,,ky,
        student,S1005,Дарья Ли,IT-1-24,,ru,
        student,S1006,Timur Alimov,IT-1-24,,en,
        student,S2001,Эльдар Токтогулов,EE-2-23,,ky,
        student,S2002,Мария Павлова,EE-2-23,,ru,
        student,S2003,Aibek Usenov,EE-2-23,,en,
        student,S2004,Нурбек Сыдыков,EE-2-23,,ky,
        student,S2005,Aliya Karimova,EE-2-23,,en,
        student,S2006,Игорь Ким,EE-2-23,,ru,
        parent,P1001,Марат Токтогулов,,+996700111222,ky,S1001|S2001
        parent,P1002,Гульнара Асанова,,+996700333444,ru,S1002
        mentor,M1001,Эрмек Токтосунов,,,ky,
        mentor,M1002,Ольга Ким,,,ru,
        supervisor,V1001,Динара Осмонова,,,ky,
        admin,A0001,Admin Office,,,en,
        """;

    /// <summary>A 1×1 PNG: the proof the sandbox's <c>send-photo</c> attaches.</summary>
    public static byte[] SamplePhoto { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public async Task<IReadOnlyList<DemoPerson>> SeedAsync(Func<Person, long> accountFor, CancellationToken ct)
    {
        var today = calendar.Today;
        Require((await people.ImportAsync(new StringReader(Roster), ct)).Errors);
        Require((await placements.ImportAsync(new StringReader(Placements(today)), ct)).Errors);

        var everyone = await db.People.Include(p => p.Group).Include(p => p.CuratedGroups).ThenInclude(g => g.Group)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var now = calendar.UtcNow;
        foreach (var person in everyone)
        {
            person.TelegramUserId = person.ChatId = accountFor(person);
            person.LinkedAt = now;
        }

        var byCode = everyone.ToDictionary(p => p.Code);
        AddAbsences(byCode, today);
        await db.SaveChangesAsync(ct);
        await AddDiariesAsync(today, ct);
        await db.SaveChangesAsync(ct);
        await db.Outbox.Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.AwaitingLink)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.SentAt, now), ct);

        return [.. everyone.Select(p => new DemoPerson(
            p.Code, p.FullName, p.Roles, p.Language ?? Languages.Default, p.TelegramUserId!.Value,
            p.Group?.Name ?? (p.CuratedGroups.Count > 0 ? string.Join(", ", p.CuratedGroups.Select(g => g.Group!.Name)) : null)))];
    }

    private static string Placements(DateOnly today)
    {
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no,memorandum
            S2001,dual,,Kyrgyztelecom,M1001,V1001,{Day(-90)},{Day(180)},,D-101,O-12,
            S2003,internship,production,Bishkek Power Grid,M1001,V1001,{Day(-30)},{Day(30)},160,I-7,O-13,
            S2002,practice,production,Kyrgyztelecom,M1002,V1001,{Day(-25)},{Day(1)},144,P-33,O-14,
            S2004,apprenticeship,,Ak-Tilek Workshop,M1002,V1001,{Day(-60)},{Day(120)},,A-2,O-15,
            S2005,volunteering,,Red Crescent,M1001,V1001,{Day(-30)},{Day(30)},40,,,yes
            """;
    }

    private void AddAbsences(Dictionary<string, Person> byCode, DateOnly today)
    {
        var curator = byCode["T1001"];
        Absence Add(string student, int daysAgo, int hours, string subject)
        {
            var date = today.AddDays(-daysAgo);
            var absence = new Absence
            {
                StudentId = byCode[student].Id, Date = date, Hours = hours, Subject = subject, SubjectKey = Absence.KeyOf(subject),
                RecordedById = curator.Id, RecordedAt = calendar.ToUtc(date, new TimeOnly(14, 0)), CatchUpDueOn = policy.DueDateFor(date),
            };
            db.Absences.Add(absence);
            return absence;
        }

        Add("S1001", 12, 4, "Математика");
        Add("S1002", 5, 6, "Физика");
        Add("S2002", 3, 2, "Электротехника");
        var waiting = Add("S1003", 1, 2, "Physics");
        db.Excuses.Add(new Excuse
        {
            Absence = waiting, StudentId = byCode["S1003"].Id, ReasonCode = "illness", Comment = "I had a fever.",
            FileId = PendingExcusePhotoId, FileIsPhoto = true, Status = ExcuseStatus.Pending,
            SubmittedAt = calendar.ToUtc(today.AddDays(-1), new TimeOnly(18, 0)),
        });
    }

    private async Task AddDiariesAsync(DateOnly today, CancellationToken ct)
    {
        var all = await db.Placements.Include(p => p.Student).ToListAsync(ct);
        var placementOf = all.ToDictionary(p => p.Student!.Code);
        void Entries(string student, int fromDaysAgo, int toDaysAgo, int hours, bool reviewed)
        {
            var placement = placementOf[student];
            for (var ago = fromDaysAgo; ago >= toDaysAgo; ago--)
            {
                var day = today.AddDays(-ago);
                if (!calendar.IsWorkingDay(day))
                {
                    continue;
                }

                var at = calendar.ToUtc(day, new TimeOnly(17, 0));
                db.DiaryEntries.Add(new DiaryEntry
                {
                    PlacementId = placement.Id, Date = day, Text = $"Work of {day:dd.MM}", Hours = hours, CreatedAt = at, SubmittedAt = at,
                    Status = reviewed ? DiaryStatus.Reviewed : DiaryStatus.Pending, Grade = reviewed ? 5 : null,
                    ReviewedAt = reviewed ? at.AddHours(2) : null, ReviewedById = reviewed ? placement.MentorId : null,
                });
            }
        }

        Entries("S2001", 10, 4, 6, reviewed: true);   // silent since: reminded at 17:00
        Entries("S2003", 12, 7, 6, reviewed: true);
        Entries("S2003", 6, 6, 6, reviewed: false);   // waits six days: its mentor is reminded, the supervisor told
        Entries("S2002", 20, 1, 6, reviewed: true);
        Entries("S2004", 1, 1, 6, reviewed: false);
        var volunteering = placementOf["S2005"];
        var approved = 0;
        for (var ago = 1; approved < 36; ago++)
        {
            var day = today.AddDays(-ago);
            if (calendar.IsWorkingDay(day))
            {
                var at = calendar.ToUtc(day, new TimeOnly(17, 0));
                db.DiaryEntries.Add(new DiaryEntry
                {
                    PlacementId = volunteering.Id, Date = day, Text = "Food bank shift", Hours = 4, CreatedAt = at, SubmittedAt = at,
                    Status = DiaryStatus.Reviewed, Grade = 5, ReviewedAt = at.AddHours(1), ReviewedById = volunteering.MentorId,
                });
                approved += 4;
            }
        }
    }

    private static void Require(IReadOnlyList<ImportError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The demo college does not import: " + string.Join("; ", errors));
        }
    }
}
