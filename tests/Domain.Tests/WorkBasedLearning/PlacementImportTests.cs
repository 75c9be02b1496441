using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.EntityFrameworkCore;
using static CollegeBot.Domain.Tests.WorkBasedLearning.PlacementTestData;

namespace CollegeBot.Domain.Tests.WorkBasedLearning;

public sealed class PlacementImportTests
{
    [Fact]
    public async Task A_good_file_imports_placements_and_creates_their_organizations()
    {
        await using var test = await WithRosterAsync();

        var report = await test.ImportPlacementsAsync(GoodFile);

        Assert.Empty(report.Errors);
        Assert.Equal((3, 0, 0, 2), (report.Created, report.Updated, report.Unchanged, report.OrganizationsCreated));
        await using var db = test.NewDb();
        var practice = await db.Placements.Include(p => p.Student).Include(p => p.Mentor).Include(p => p.Supervisor).Include(p => p.Organization)
            .SingleAsync(p => p.Student!.Code == "S1001");
        Assert.Equal((WblForm.Practice, WblKind.Production, "Kyrgyztelecom", "M01", "U01"),
            (practice.Form, practice.Kind, practice.Organization!.Name, practice.Mentor!.Code, practice.Supervisor!.Code));
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 11), 160, "C-17/2026", "O-55"),
            (practice.StartsOn, practice.EndsOn, practice.PlannedHours, practice.ContractNo, practice.OrderNo));
        var dual = await db.Placements.SingleAsync(p => p.Form == WblForm.Dual);
        Assert.Equal((WblKind.None, (int?)null, (string?)null), (dual.Kind, dual.PlannedHours, dual.ContractNo));
        Assert.Equal(practice.OrganizationId, dual.OrganizationId);
        Assert.False(await db.Organizations.AnyAsync(o => o.HasMemorandum));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        await using var test = await WithRosterAsync();
        await test.ImportPlacementsAsync(GoodFile);
        var before = await test.PlacementSnapshotAsync();
        test.Clock.Advance(TimeSpan.FromDays(1));

        var report = await test.ImportPlacementsAsync(GoodFile);

        Assert.Empty(report.Errors);
        Assert.Equal((0, 0, 3, 0), (report.Created, report.Updated, report.Unchanged, report.OrganizationsCreated));
        Assert.Equal(before, await test.PlacementSnapshotAsync());
    }

    [Fact]
    public async Task A_changed_row_updates_its_placement_in_place_and_empty_cells_keep_what_was_stored()
    {
        await using var test = await WithRosterAsync();
        await test.ImportPlacementsAsync(GoodFile);
        test.Clock.Advance(TimeSpan.FromDays(1));

        var report = await test.ImportPlacementsAsync(Csv(
            "S1001,practice,production,  KYRGYZTELECOM ,M02,U01,2026-11-16,2026-12-18,,,",
            "S1002,dual,,Kyrgyztelecom,M01,U01,2026-09-01,2027-06-30,,,"));

        Assert.Empty(report.Errors);
        Assert.Equal((0, 1, 1, 0), (report.Created, report.Updated, report.Unchanged, report.OrganizationsCreated));
        await using var db = test.NewDb();
        var practice = await db.Placements.Include(p => p.Mentor).SingleAsync(p => p.Form == WblForm.Practice);
        Assert.Equal(("M02", new DateOnly(2026, 12, 18), 160, "C-17/2026"), (practice.Mentor!.Code, practice.EndsOn, practice.PlannedHours, practice.ContractNo));
        Assert.Equal(test.Clock.UtcNow, practice.UpdatedAt);
        Assert.Equal(3, await db.Placements.CountAsync());
    }

    [Fact]
    public async Task The_memorandum_column_is_optional_and_sets_the_organizations_flag()
    {
        await using var test = await WithRosterAsync();
        await test.ImportPlacementsAsync(GoodFile);

        var report = await test.ImportPlacementsAsync(
            Header + ",memorandum\nS1003,volunteering,,Red Crescent of Kyrgyzstan,M02,U01,2026-11-01,2026-12-31,40,,,yes\n");

        Assert.Empty(report.Errors);
        Assert.Equal((0, 0, 1), (report.Created, report.Updated, report.Unchanged));
        await using var db = test.NewDb();
        var organization = await db.Organizations.SingleAsync(o => o.HasMemorandum);
        Assert.Equal("Red Crescent of Kyrgyzstan", organization.Name);
        Assert.Equal([organization.Id], report.MemorandaSigned);
    }

    [Theory]
    [InlineData(",practice,production,Org,M01,U01,2026-11-16,2026-12-11,,,", "student is empty")]
    [InlineData("S404,practice,production,Org,M01,U01,2026-11-16,2026-12-11,,,", "student S404 is not in the roster")]
    [InlineData("M01,dual,,Org,M02,U01,2026-11-16,2026-12-11,,,", "student M01 (Gulnara Isaeva) is not a student in the roster (roles: mentor)")]
    [InlineData("S1003,dual,,Org,M404,U01,2026-11-16,2026-12-11,,,", "mentor M404 is not in the roster")]
    [InlineData("S1003,dual,,Org,T01,U01,2026-11-16,2026-12-11,,,", "mentor T01 (Olga Ivanova) is not a mentor in the roster (roles: teacher)")]
    [InlineData("S1003,dual,,Org,M01,M02,2026-11-16,2026-12-11,,,", "supervisor M02 (Ermek Toktosunov) is not a supervisor")]
    [InlineData("S1003,dual,,Org,S1003,U01,2026-11-16,2026-12-11,,,", "S1003 cannot be their own mentor")]
    [InlineData("S1003,seminar,,Org,M01,U01,2026-11-16,2026-12-11,,,", "form 'seminar' is not one of dual, practice, internship, apprenticeship, volunteering")]
    [InlineData("S1003,practice,,Org,M01,U01,2026-11-16,2026-12-11,,,", "practice needs a kind: educational, production, pre-diploma, research")]
    [InlineData("S1003,internship,research,Org,M01,U01,2026-11-16,2026-12-11,,,", "kind 'research' is not a kind of internship; use one of production, pedagogical")]
    [InlineData("S1003,dual,production,Org,M01,U01,2026-11-16,2026-12-11,,,", "kind must be empty for dual")]
    [InlineData("S1003,dual,,,M01,U01,2026-11-16,2026-12-11,,,", "organization is empty")]
    [InlineData("S1003,dual,,Org,M01,U01,16.11.2026,2026-12-11,,,", "starts_on '16.11.2026' is not a date; write YYYY-MM-DD")]
    [InlineData("S1003,dual,,Org,M01,U01,2026-11-16,,,,", "ends_on is empty")]
    [InlineData("S1003,dual,,Org,M01,U01,2026-11-16,2026-11-15,,,", "ends_on 2026-11-15 is before starts_on 2026-11-16")]
    [InlineData("S1003,dual,,Org,M01,U01,2026-11-16,2026-12-11,12.5,,", "planned_hours '12.5' must be a whole number of hours from 1 to 10000")]
    [InlineData("S1003,dual,,Org,M01,U01,2026-11-16,2026-12-11,0,,", "planned_hours '0' must be a whole number")]
    [InlineData("S1001,dual,,Org,M01,U01,2026-11-20,2026-12-20,,,", "S1001 already has a placement from 2026-11-16 to 2026-12-11 on line 2")]
    [InlineData("S1001,practice,production,Org,M01,U01,2026-11-16,2026-12-20,,,", "the same placement (student, form and starts_on) as line 2")]
    [InlineData("S1003,dual,,Org,M01,U01,2026-11-16,2026-12-11,,,,", "12 values but the header has 11 columns")]
    public async Task A_bad_row_is_refused_with_its_line_and_nothing_changes(string row, string reason)
    {
        await using var test = await WithRosterAsync();
        var before = await test.PlacementSnapshotAsync();

        var report = await test.ImportPlacementsAsync(Csv(
            "S1001,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,160,C-17/2026,O-55",
            "S1002,dual,,Kyrgyztelecom,M01,U01,2026-09-01,2027-06-30,,,",
            row));

        var error = Assert.Single(report.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Equal(before, await test.PlacementSnapshotAsync());
    }

    [Fact]
    public async Task Every_bad_line_is_named_in_line_order()
    {
        await using var test = await WithRosterAsync();

        var report = await test.ImportPlacementsAsync(Csv(
            "S1001,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,,,",
            "S1002,dual,,Kyrgyztelecom,M404,U01,2026-09-01,2027-06-30,,,",
            "S1003,volunteering,,Red Crescent,M02,U01,2026-13-01,2026-12-31,,,"));

        Assert.Equal([3, 4], report.Errors.Select(e => e.Line));
        Assert.Equal("", await test.PlacementSnapshotAsync());
    }

    [Fact]
    public async Task A_placement_that_overlaps_a_stored_one_of_the_same_student_is_refused()
    {
        await using var test = await WithRosterAsync();
        await test.ImportPlacementsAsync(GoodFile);
        var before = await test.PlacementSnapshotAsync();

        var report = await test.ImportPlacementsAsync(Csv("S1001,internship,production,Other,M01,U01,2026-12-01,2026-12-24,,,"));

        var error = Assert.Single(report.Errors);
        Assert.Equal(new ImportError(2, "S1001 already has a practice placement from 2026-11-16 to 2026-12-11; a student's placements must not overlap (a placement is matched on student, form and starts_on)"), error);
        Assert.Equal(before, await test.PlacementSnapshotAsync());
    }

    [Fact]
    public async Task Two_answers_for_one_organizations_memorandum_are_refused()
    {
        await using var test = await WithRosterAsync();

        var report = await test.ImportPlacementsAsync(Header + ",memorandum\n" +
            "S1001,volunteering,,Red Crescent,M01,U01,2026-11-16,2026-12-11,,,,yes\n" +
            "S1002,volunteering,,red crescent,M01,U01,2026-11-16,2026-12-11,,,,no\n" +
            "S1003,volunteering,,Red Crescent,M01,U01,2026-11-16,2026-12-11,,,,maybe\n");

        Assert.Equal(
            [new ImportError(3, "memorandum of 'red crescent' is yes on line 2 but no here"), new ImportError(4, "memorandum 'maybe' must be yes, no or empty")],
            report.Errors);
    }

    [Fact]
    public async Task A_file_without_a_column_of_the_header_is_refused_at_line_1()
    {
        await using var test = await WithRosterAsync();

        var report = await test.ImportPlacementsAsync("student,form,kind,organization,mentor,supervisor,starts_on,ends_on\nS1001,dual,,Org,M01,U01,2026-11-16,2026-12-11\n");

        Assert.All(report.Errors, e => Assert.Equal(1, e.Line));
        Assert.Equal(["the header has no column 'planned_hours'", "the header has no column 'contract_no'", "the header has no column 'order_no'"],
            report.Errors.Select(e => e.Message));
    }
}
