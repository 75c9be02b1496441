using System.Text;
using CollegeBot.Domain.Tests.People;
using CollegeBot.Domain.WorkBasedLearning.Import;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Tests.WorkBasedLearning;

/// <summary>A roster with mentors and supervisors, placements.csv texts, and the steps the placement tests share.</summary>
internal static class PlacementTestData
{
    public const string Header = "student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no";

    public static readonly string Roster = PeopleTestData.Csv(
        "student,S1001,Aida Bekova,IT-1-23,,,",
        "student,S1002,Bakyt Osmonov,IT-1-23,,,",
        "student,S1003,Chynara Asanova,IT-2-23,,,",
        "mentor,M01,Gulnara Isaeva,,,,",
        "mentor,M02,Ermek Toktosunov,,,,",
        "supervisor,U01,Dina Petrova,,,,",
        "teacher,T01,Olga Ivanova,,,,");

    /// <summary>Line 2 is S1001's production practice, line 3 S1002's dual education, line 4 S1003's volunteering.</summary>
    public static readonly string GoodFile = Csv(
        "S1001,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,160,C-17/2026,O-55",
        "S1002,dual,,Kyrgyztelecom,M01,U01,2026-09-01,2027-06-30,,,",
        "S1003,volunteering,,Red Crescent of Kyrgyzstan,M02,U01,2026-11-01,2026-12-31,40,,");

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    public static async Task<TestDatabase> WithRosterAsync()
    {
        var test = await TestDatabase.CreateAsync();
        var people = await test.ImportAsync(Roster);
        Assert.True(people.Succeeded, string.Join("\n", people.Errors));
        return test;
    }

    public static async Task<PlacementImportReport> ImportPlacementsAsync(this TestDatabase test, string csv)
    {
        await using var db = test.NewDb();
        return await new PlacementImporter(db, test.Clock).ImportAsync(new StringReader(csv), CancellationToken.None);
    }

    /// <summary>Every placement and organisation as text, to show that a refused import changed nothing at all.</summary>
    public static async Task<string> PlacementSnapshotAsync(this TestDatabase test)
    {
        await using var db = test.NewDb();
        var text = new StringBuilder();
        foreach (var o in await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync())
        {
            text.AppendLine($"organization {o.Id} {o.Name} {o.HasMemorandum} {o.CreatedAt:O} {o.UpdatedAt:O}");
        }

        foreach (var p in await db.Placements.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
        {
            text.AppendLine($"placement {p.Id} {p.StudentId} {p.Form} {p.Kind} {p.OrganizationId} {p.MentorId} {p.SupervisorId} " +
                $"{p.StartsOn} {p.EndsOn} {p.PlannedHours} {p.ContractNo} {p.OrderNo} {p.CreatedAt:O} {p.UpdatedAt:O}");
        }

        return text.ToString();
    }
}
