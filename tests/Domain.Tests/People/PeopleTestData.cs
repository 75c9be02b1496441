using System.Text;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Tests.People;

/// <summary>people.csv texts and the steps the people tests share.</summary>
internal static class PeopleTestData
{
    public const string Header = "role,code,full_name,group,phone,language,students";

    /// <summary>
    /// Parents first, so their children come later in the file; a curator who also teaches; phones in several
    /// spellings. Line numbers: the header is 1, P01 is 2, S1003 is 7.
    /// </summary>
    public static readonly string GoodFile = Csv(
        "parent,P01,Elmira Bekova,,+7 701 123 4567,,S1001|S1002",
        "parent,P02,Farid Asanov,,,en,S1003",
        "student,S1001,Aida Bekova,IT-1-23,+996 555 123 456,ky,",
        "student,S1002,Bakyt Osmonov,IT-1-23,,,",
        "curator,T01,Dina Petrova,IT-1-23|IT-2-23,+996-700-111-222,ru,",
        "student,S1003,Chynara Asanova,IT-2-23,,ru,",
        "teacher,T01,Dina Petrova,,,,",
        "mentor,M01,Gulnara Isaeva,,,,",
        "admin,A01,Nurlan Admin,,,,");

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    public static async Task<ImportReport> ImportAsync(this TestDatabase test, string csv)
    {
        await using var db = test.NewDb();
        return await new PeopleImporter(db, test.Clock).ImportAsync(new StringReader(csv), CancellationToken.None);
    }

    public static async Task<Person> PersonAsync(this TestDatabase test, string code)
    {
        await using var db = test.NewDb();
        return await db.People.AsNoTracking()
            .Include(p => p.Group)
            .Include(p => p.CuratedGroups).ThenInclude(c => c.Group)
            .Include(p => p.Children).ThenInclude(c => c.Child)
            .SingleAsync(p => p.Code == code);
    }

    public static string[] CuratedNames(this Person person) => [.. person.CuratedGroups.Select(c => c.Group!.Name).Order()];

    public static string[] ChildCodes(this Person person) => [.. person.Children.Select(c => c.Child!.Code).Order()];

    /// <summary>Every row of the people tables as text, to show that a refused import changed nothing at all.</summary>
    public static async Task<string> SnapshotAsync(this TestDatabase test)
    {
        await using var db = test.NewDb();
        var text = new StringBuilder();
        foreach (var p in await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
        {
            text.AppendLine($"person {p.Id} {p.Code} {p.FullName} {p.Phone} {p.Language} {p.Roles} {p.GroupId} {p.TelegramUserId} {p.CreatedAt:O} {p.UpdatedAt:O}");
        }

        foreach (var g in await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync())
        {
            text.AppendLine($"group {g.Id} {g.Name}");
        }

        foreach (var c in await db.GroupCurators.AsNoTracking().OrderBy(c => c.GroupId).ThenBy(c => c.CuratorId).ToListAsync())
        {
            text.AppendLine($"curator {c.GroupId} {c.CuratorId}");
        }

        foreach (var c in await db.ParentChildren.AsNoTracking().OrderBy(c => c.ParentId).ThenBy(c => c.ChildId).ToListAsync())
        {
            text.AppendLine($"child {c.ParentId} {c.ChildId}");
        }

        foreach (var i in await db.InviteCodes.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
        {
            text.AppendLine($"invite {i.Id} {i.PersonId} {i.CodeHash} {i.ExpiresAt:O} {i.UsedAt:O} {i.UsedByTelegramUserId} {i.RevokedAt:O}");
        }

        return text.ToString();
    }
}
