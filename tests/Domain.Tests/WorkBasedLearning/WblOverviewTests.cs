using System.Data.Common;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.Tests.People;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using static CollegeBot.Domain.Tests.WorkBasedLearning.PlacementTestData;

namespace CollegeBot.Domain.Tests.WorkBasedLearning;

/// <summary>
/// /wbl's and /my's placement overview on a real SQLite file: the diary's counts, the problems as the reminders see
/// them, problems first, and each caller's scope. The clock stands at Monday 23 November 2026, 15:00 in Bishkek.
/// </summary>
public sealed class WblOverviewTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private TestDatabase test = null!;

    public async Task InitializeAsync()
    {
        test = await TestDatabase.CreateAsync();
        var people = await test.ImportAsync(PeopleTestData.Csv(
            "student,S1001,Aida Bekova,IT-1-23,,,",
            "student,S1002,Bakyt Osmonov,IT-1-23,,,",
            "student,S1003,Chynara Asanova,IT-2-23,,,",
            "student,S1004,Daniyar Alymov,IT-2-23,,,",
            "student,S1005,Elnura Saparova,IT-2-23,,,",
            "student,S1006,Farida Nurlanova,IT-2-23,,,",
            "mentor,M01,Gulnara Isaeva,,,,",
            "mentor,M02,Ermek Toktosunov,,,,",
            "supervisor,U01,Dina Petrova,,,,",
            "supervisor,U02,Asel Karimova,,,,",
            "admin,A01,Nurlan Admin,,,,"));
        Assert.True(people.Succeeded, string.Join("\n", people.Errors));
        var placements = await test.ImportPlacementsAsync(Csv(
            "S1001,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,160,,",
            "S1001,practice,educational,Kyrgyztelecom,M01,U01,2026-09-01,2026-09-30,,,",
            "S1002,dual,,Kyrgyztelecom,M01,U01,2026-09-01,2027-06-30,,,",
            "S1003,volunteering,,Red Crescent,M02,U02,2026-11-01,2026-11-18,40,,",
            "S1004,practice,research,Bishkek Lab,M02,U01,2026-11-02,2026-11-20,,,",
            "S1005,internship,pedagogical,School 5,M02,U01,2026-12-01,2026-12-20,,,"));
        Assert.True(placements.Succeeded, string.Join("\n", placements.Errors));

        // Aida: two graded (5 and 4), one returned, one waiting four days (overdue), one written today.
        await EntryAsync("S1001", Today.AddDays(-7), DiaryStatus.Reviewed, grade: 5, reviewedOn: Today.AddDays(-6));
        await EntryAsync("S1001", Today.AddDays(-6), DiaryStatus.Reviewed, grade: 4, reviewedOn: Today.AddDays(-5));
        await EntryAsync("S1001", Today.AddDays(-5), DiaryStatus.Returned, reviewedOn: Today.AddDays(-4));
        await EntryAsync("S1001", Today.AddDays(-4), DiaryStatus.Pending);
        await EntryAsync("S1001", Today, DiaryStatus.Pending);

        // Bakyt: one entry of 10 November, never reviewed: overdue, and silent since.
        await EntryAsync("S1002", new DateOnly(2026, 11, 10), DiaryStatus.Pending);

        // Daniyar's research practice ended on Friday with its final review; Chynara's volunteering ended five days ago without.
        await using var db = test.NewDb();
        var research = await db.Placements.SingleAsync(p => p.Form == WblForm.Practice && p.Kind == WblKind.Research);
        (research.FinalAt, research.FinalGrade) = (test.Clock.UtcNow, 5);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task A_supervisor_sees_only_their_current_placements_problems_first()
    {
        var states = await OverviewAsync("U01");

        Assert.Equal(
            [
                ("Bakyt Osmonov", PlacementProblems.ReviewsOverdue | PlacementProblems.StudentSilent),
                ("Aida Bekova", PlacementProblems.ReviewsOverdue),
                ("Daniyar Alymov", PlacementProblems.None),
                ("Elnura Saparova", PlacementProblems.None),
            ],
            states.Select(s => (s.Placement.Student!.FullName, s.Problems)));
        Assert.Equal([PlacementPhase.Active, PlacementPhase.Active, PlacementPhase.Ended, PlacementPhase.Upcoming], states.Select(s => s.Phase));
        Assert.DoesNotContain(states, s => s.Placement.StartsOn == new DateOnly(2026, 9, 1) && s.Placement.Form == WblForm.Practice); // ended in September: history
    }

    [Fact]
    public async Task The_counts_come_from_the_diary_and_the_people_come_with_the_placement()
    {
        var aida = (await OverviewAsync("U01")).Single(s => s.Placement.Student!.Code == "S1001");

        Assert.Equal((5, 2, 2, 1, 1), (aida.Written, aida.Reviewed, aida.Waiting, aida.Returned, aida.OverdueReviews));
        Assert.Equal(4.5m, aida.AverageGrade);
        Assert.Equal((Today, Today.AddDays(-4)), (aida.LastEntryOn, aida.LastReviewOn));
        Assert.True(aida.WrittenToday);
        Assert.Equal(0, aida.SilentDays);
        Assert.Equal(("Gulnara Isaeva", "Dina Petrova", "Kyrgyztelecom"),
            (aida.Placement.Mentor!.FullName, aida.Placement.Supervisor!.FullName, aida.Placement.Organization!.Name));

        var elnura = (await OverviewAsync("U01")).Single(s => s.Placement.Student!.Code == "S1005");
        Assert.Equal((0, (decimal?)null, (DateOnly?)null, (DateOnly?)null, false), (elnura.Written, elnura.AverageGrade, elnura.LastEntryOn, elnura.LastReviewOn, elnura.WrittenToday));
    }

    [Fact]
    public async Task An_admin_sees_every_supervisors_placements_and_the_missing_final_review()
    {
        var states = await OverviewAsync("A01");

        Assert.Equal(["S1002", "S1001", "S1003", "S1004", "S1005"], states.Select(s => s.Placement.Student!.Code));
        var chynara = states.Single(s => s.Placement.Student!.Code == "S1003");
        Assert.Equal((PlacementPhase.Ended, PlacementProblems.FinalReviewMissing), (chynara.Phase, chynara.Problems));
        Assert.Equal("Asel Karimova", chynara.Placement.Supervisor!.FullName);
    }

    [Fact]
    public async Task Another_supervisor_a_mentor_or_a_student_sees_no_one_elses_placements()
    {
        Assert.Equal(["S1003"], (await OverviewAsync("U02")).Select(s => s.Placement.Student!.Code));
        Assert.Empty(await OverviewAsync("M01"));
        Assert.Empty(await OverviewAsync("S1001"));
    }

    [Fact]
    public async Task The_final_review_is_missing_from_the_third_day_after_the_end_as_the_supervisor_is_told()
    {
        test.Clock.Now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero); // Chynara's volunteering ended on the 18th
        Assert.False((await OverviewAsync("U02")).Single().HasProblems);

        test.Clock.Now = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(PlacementProblems.FinalReviewMissing, (await OverviewAsync("U02")).Single().Problems);
    }

    [Fact]
    public async Task A_student_is_silent_after_as_many_working_days_as_the_diary_reminder_waits()
    {
        // Aida's last entry is of today; Sunday is not a working day.
        test.Clock.Now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, (await AidaAsync()).SilentDays);
        test.Clock.Now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var aida = await AidaAsync();
        Assert.Equal(2, aida.SilentDays);
        Assert.True(aida.Has(PlacementProblems.StudentSilent));
        Assert.False(aida.WrittenToday);
    }

    [Fact]
    public async Task A_student_gets_the_placement_of_today_else_the_latest_one()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), (await AidaAsync()).Placement.StartsOn);

        test.Clock.Now = new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero); // both of Aida's practices are over
        var latest = await AidaAsync();
        Assert.Equal((new DateOnly(2026, 11, 16), PlacementPhase.Ended), (latest.Placement.StartsOn, latest.Phase));

        test.Clock.Now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var coming = await StudentAsync("S1005");
        Assert.Equal(PlacementPhase.Upcoming, coming!.Phase);
        Assert.Null(await StudentAsync("S1006"));
    }

    [Fact]
    public async Task The_overview_is_one_sql_query_however_many_placements()
    {
        var admin = await test.PersonAsync("A01");
        var commands = new CommandLog();
        await using var db = new CollegeDb(new DbContextOptionsBuilder<CollegeDb>(test.Options).AddInterceptors(commands).Options);

        Assert.Equal(5, (await Overview(db).ForOverseerAsync(admin, CancellationToken.None)).Count);

        Assert.Single(commands.Sql);
    }

    private async Task<IReadOnlyList<PlacementState>> OverviewAsync(string code)
    {
        await using var db = test.NewDb();
        return await Overview(db).ForOverseerAsync(await test.PersonAsync(code), CancellationToken.None);
    }

    private async Task<PlacementState> AidaAsync() => (await StudentAsync("S1001"))!;

    private async Task<PlacementState?> StudentAsync(string code)
    {
        await using var db = test.NewDb();
        return await Overview(db).ForStudentAsync(await test.PersonAsync(code), CancellationToken.None);
    }

    private WblOverview Overview(CollegeDb db) =>
        new(db, new CollegeCalendar(test.Clock, Options.Create(new CollegeOptions())), Options.Create(new WorkBasedLearningOptions()));

    /// <summary>An entry of the student's placement of that day, written (and reviewed) at 15:00 of those days.</summary>
    private async Task EntryAsync(string student, DateOnly date, DiaryStatus status, int? grade = null, DateOnly? reviewedOn = null)
    {
        await using var db = test.NewDb();
        var placement = await db.Placements.SingleAsync(p => p.Student!.Code == student && p.StartsOn <= date && p.EndsOn >= date);
        var written = date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        db.DiaryEntries.Add(new DiaryEntry
        {
            PlacementId = placement.Id,
            Date = date,
            Text = "Worked",
            Hours = 8,
            Status = status,
            Grade = grade,
            ReviewedAt = reviewedOn?.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            CreatedAt = written,
            SubmittedAt = written,
        });
        await db.SaveChangesAsync();
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Sql { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
