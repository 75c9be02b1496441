using System.Globalization;
using CollegeBot.Bot.Sandbox;
using CollegeBot.Domain;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Domain.WorkBasedLearning.Import;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CollegeBot.Bot.Tests.Sandbox;

/// <summary>The sandbox's demo college, seeded through the real services into a real SQLite file.</summary>
public sealed class DemoCollegeTests
{
    private const string PhotoFileId = "AgACAgIAAxkBAAIdemo";

    /// <summary>Everyone's Telegram account, as the sandbox hands them out: one per person, not their database id.</summary>
    private static long AccountOf(Person person) => 7_000_000_000 + person.Code[0] * 100_000 + long.Parse(person.Code[1..], CultureInfo.InvariantCulture);

    public static TheoryData<string, string> StartDays => new()
    {
        { "2026-11-23T15:00:00+06:00", "" },                      // a Monday afternoon, the harness's day
        { "2026-03-01T06:30:00+06:00", "" },                      // a Sunday morning, the first of a month
        { "2027-01-04T08:00:00+06:00", "2027-01-01" },            // the Monday after the New Year holiday
        { "2026-12-31T23:30:00+06:00", "" },                      // late on the last evening of a year
    };

    [Fact]
    public async Task Seeding_gives_the_demo_people_in_their_groups_roles_and_languages_each_linked_to_their_account()
    {
        await using var demo = await DemoDatabase.CreateAsync();
        var listed = await demo.SeedAsync();

        Assert.Equal(26, listed.Count);
        Assert.Equal(["T1001", "T2001"], listed.Take(2).Select(p => p.Code));
        Assert.Equal(new DemoPerson("T1001", "Нурлан Жумабеков", Roles.Curator | Roles.Teacher, "ru", AccountOf(await demo.PersonAsync("T1001")), "IT-1-24"),
            listed[0]);
        Assert.Equal(Roles.Curator, Single(listed, "T2001").Roles);
        Assert.Equal(("EE-2-23", "ky"), (Single(listed, "T2001").Group, Single(listed, "T2001").Language));
        Assert.Equal(["S1001", "S1002", "S1003", "S1004", "S1005", "S1006"], listed.Where(p => p.Group == "IT-1-24" && p.Roles == Roles.Student).Select(p => p.Code));
        Assert.Equal(["S2001", "S2002", "S2003", "S2004", "S2005", "S2006"], listed.Where(p => p.Group == "EE-2-23" && p.Roles == Roles.Student).Select(p => p.Code));
        Assert.Equal(["ky", "ru", "ky", "ru", "ky", "en", "ky", "ru", "ky", "ru", "en", "ky"],
            listed.Where(p => p.Roles == Roles.Student).Select(p => p.Language));
        Assert.Equal((Roles.Mentor, "ky"), (Single(listed, "M1001").Roles, Single(listed, "M1001").Language));
        Assert.Equal((Roles.Mentor, "ru"), (Single(listed, "M1002").Roles, Single(listed, "M1002").Language));
        Assert.Equal((Roles.Supervisor, "ky"), (Single(listed, "V1001").Roles, Single(listed, "V1001").Language));
        Assert.Equal((Roles.Admin, "en"), (Single(listed, "A0001").Roles, Single(listed, "A0001").Language));
        Assert.Equal(("ky", "ru", "en", "ru"), (Single(listed, "P1001").Language, Single(listed, "P1002").Language, Single(listed, "P1003").Language, Single(listed, "P2002").Language));

        var people = await demo.QueryAsync(db => db.People.Include(p => p.Children).ThenInclude(c => c.Child).AsNoTracking().ToListAsync());
        Assert.Equal(["S1001", "S2001"], people.Single(p => p.Code == "P1001").Children.Select(c => c.Child!.Code).Order());
        Assert.Equal(["S1002"], people.Single(p => p.Code == "P1002").Children.Select(c => c.Child!.Code));
        Assert.Equal(["S1003"], people.Single(p => p.Code == "P1003").Children.Select(c => c.Child!.Code));
        Assert.Equal(["S2002"], people.Single(p => p.Code == "P2002").Children.Select(c => c.Child!.Code));
        Assert.All(people, p =>
        {
            Assert.Equal(AccountOf(p), p.TelegramUserId);
            Assert.Equal(AccountOf(p), p.ChatId);
            Assert.Equal(demo.Clock.UtcNow, p.LinkedAt);
            Assert.Equal(AccountOf(p), Single(listed, p.Code).TelegramUserId);
        });
    }

    [Theory]
    [MemberData(nameof(StartDays))]
    public async Task Seeding_on_any_day_writes_absences_made_up_open_overdue_excused_and_one_excuse_waiting(string now, string holidays)
    {
        await using var demo = await DemoDatabase.SeededAsync(now, holidays);
        var (today, utcNow) = (demo.Calendar.Today, demo.Clock.UtcNow);

        var absences = await demo.QueryAsync(db => db.Absences.Include(a => a.Student).AsNoTracking().ToListAsync());
        Assert.All(absences, a =>
        {
            Assert.True(a.Date < today && demo.Calendar.IsWorkingDay(a.Date), $"{a.Student!.Code} absent on {a.Date}");
            Assert.True(a.RecordedAt < utcNow);
        });
        var of = absences.ToLookup(a => a.Student!.Code);

        Assert.Equal(6, Assert.Single(of["S1001"]).Hours);
        Assert.True(of["S1001"].Single().CatchUpOpen);
        var madeUp = Assert.Single(of["S1002"], a => a.CaughtUpAt is not null);
        Assert.True(madeUp.RecordedAt < madeUp.CaughtUpAt && madeUp.CaughtUpAt < utcNow);
        var dueSoon = Assert.Single(of["S1002"], a => a.CatchUpOpen);
        Assert.Equal(3, dueSoon.CatchUpDueOn!.Value.DayNumber - today.AddDays(1).DayNumber); // tomorrow's CatchUpReminders says "in 3 days"
        var overdue = Assert.Single(absences, a => a.CatchUpOpen && a.CatchUpDueOn < today);
        Assert.Equal(("S1004", null), (overdue.Student!.Code, overdue.OverdueNotifiedAt));
        Assert.Contains(of["S1004"].GroupBy(a => (a.Date.Year, a.Date.Month)), month => month.Where(a => !a.Excused).Sum(a => a.Hours) > 6);
        Assert.Equal(["S2001", "S2006"], of.Select(g => g.Key).Where(c => c.StartsWith("S2", StringComparison.Ordinal)).Order());

        var excuses = await demo.QueryAsync(db => db.Excuses.Include(e => e.Student).Include(e => e.Absence).AsNoTracking().ToListAsync());
        var waiting = Assert.Single(excuses, e => e.Status == ExcuseStatus.Pending);
        Assert.Equal(("S1003", "illness", PhotoFileId, true), (waiting.Student!.Code, waiting.ReasonCode, waiting.FileId, waiting.FileIsPhoto));
        Assert.True(waiting.SubmittedAt > waiting.Absence!.RecordedAt && waiting.SubmittedAt < utcNow);
        var approved = Assert.Single(excuses, e => e.Status == ExcuseStatus.Approved);
        Assert.Equal(("S1006", "duty", true, null), (approved.Student!.Code, approved.ReasonCode, approved.Absence!.Excused, approved.Absence.CatchUpDueOn));
        Assert.True(approved.SubmittedAt < approved.DecidedAt && approved.DecidedAt <= utcNow);
    }

    [Theory]
    [MemberData(nameof(StartDays))]
    public async Task Seeding_on_any_day_writes_placements_and_diaries_graded_returned_waiting_silent_and_36_volunteering_hours(string now, string holidays)
    {
        await using var demo = await DemoDatabase.SeededAsync(now, holidays);
        var (today, utcNow) = (demo.Calendar.Today, demo.Clock.UtcNow);

        var placements = (await demo.QueryAsync(db => db.Placements
                .Include(p => p.Student).Include(p => p.Mentor).Include(p => p.Supervisor).Include(p => p.Organization)
                .AsNoTracking().ToListAsync()))
            .ToDictionary(p => p.Student!.Code);
        Assert.Equal(["S2001", "S2002", "S2003", "S2004", "S2005"], placements.Keys.Order());
        Assert.All(placements.Values, p => Assert.Equal("V1001", p.Supervisor!.Code));
        Assert.All(placements.Values, p => Assert.True(p.IsActiveOn(today)));
        Assert.Equal((WblForm.Dual, "Кыргызтелеком", "M1001"), Describe(placements["S2001"]));
        Assert.Equal((WblForm.Practice, "Бишкекская ТЭЦ", "M1002"), Describe(placements["S2002"]));
        Assert.Equal(today.AddDays(1), placements["S2002"].EndsOn);
        Assert.Equal((WblForm.Internship, "Кыргызтелеком", "M1001"), Describe(placements["S2003"]));
        Assert.Equal((WblForm.Apprenticeship, "Бишкекская ТЭЦ", "M1002"), Describe(placements["S2004"]));
        Assert.Equal(WblForm.Volunteering, placements["S2005"].Form);
        Assert.True(placements["S2005"].Organization!.HasMemorandum);

        var entries = (await demo.QueryAsync(db => db.DiaryEntries.Include(e => e.Placement!).ThenInclude(p => p.Student).AsNoTracking().ToListAsync()))
            .ToLookup(e => e.Placement!.Student!.Code);
        Assert.All(entries.SelectMany(e => e), e =>
        {
            Assert.True(e.Date < today && demo.Calendar.IsWorkingDay(e.Date) && e.Placement!.IsActiveOn(e.Date));
            Assert.True(e.SubmittedAt < utcNow && (e.ReviewedAt is null || (e.SubmittedAt < e.ReviewedAt && e.ReviewedAt <= utcNow)));
        });

        var dual = entries["S2001"].ToLookup(e => e.Status);
        Assert.True(dual[DiaryStatus.Reviewed].Count() >= 4);
        Assert.NotNull(Assert.Single(dual[DiaryStatus.Returned]).Comment);
        Assert.Single(dual[DiaryStatus.Pending]);

        // The silent mentor: entries waiting past ReviewReminderAfterDays, the oldest past EscalateToSupervisorAfterDays.
        var silentMentor = entries["S2002"].Where(e => e.Status == DiaryStatus.Pending).ToList();
        Assert.Contains(silentMentor, e => e.SubmittedAt < utcNow.AddDays(-2));
        Assert.Contains(silentMentor, e => e.SubmittedAt < utcNow.AddDays(-5));
        Assert.Contains(entries["S2002"], e => e.Status == DiaryStatus.Reviewed);

        // The silent student: nothing written for more than DiaryReminderAfterDays working days.
        var lastWritten = entries["S2003"].Max(e => e.Date);
        Assert.True(demo.Calendar.WorkingDaysAfter(lastWritten, today) > 2, $"last entry {lastWritten}");
        Assert.Contains(entries["S2004"], e => e.Status == DiaryStatus.Pending);

        await using var scope = demo.Scope();
        var volunteering = scope.ServiceProvider.GetRequiredService<VolunteeringRule>();
        Assert.Equal(36, await volunteering.ApprovedHoursAsync(placements["S2005"], CancellationToken.None));
        Assert.Contains(entries["S2005"], e => e.Grade < VolunteeringRule.PassingGrade);
    }

    [Fact]
    public async Task After_a_holiday_longer_than_the_excuse_window_the_waiting_excuse_is_for_yesterday()
    {
        // Thursday 31 December to Saturday 2 January are holidays, Sunday is no working day: the last one was 5 days ago.
        await using var demo = await DemoDatabase.SeededAsync("2027-01-04T10:00:00+06:00", "2026-12-31,2027-01-01,2027-01-02");

        var waiting = await demo.QueryAsync(db => db.Excuses.Include(e => e.Absence).AsNoTracking().SingleAsync(e => e.Status == ExcuseStatus.Pending));
        Assert.Equal(new DateOnly(2027, 1, 3), waiting.Absence!.Date);
    }

    [Theory]
    [MemberData(nameof(StartDays))]
    public async Task Every_message_the_seeding_caused_is_marked_delivered_when_it_happened(string now, string holidays)
    {
        await using var demo = await DemoDatabase.SeededAsync(now, holidays);

        var outbox = await demo.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Contains(outbox, o => o.Kind == "absence.recorded");
        Assert.Contains(outbox, o => o.Kind == "escalation");
        Assert.Contains(outbox, o => o.Kind == "excuse.submitted");
        Assert.Contains(outbox, o => o.Kind == "diary.entry");
        Assert.Contains(outbox, o => o.Kind == "diary.graded");
        Assert.Contains(outbox, o => o.Kind == "diary.returned");
        Assert.DoesNotContain(outbox, o => o.Kind == "volunteering.practice");
        Assert.All(outbox, o =>
        {
            Assert.Equal(OutboxStatus.Sent, o.Status);
            Assert.True(o.SentAt <= demo.Clock.UtcNow);
        });
        Assert.True(outbox.Min(o => o.SentAt) < demo.Clock.UtcNow.AddDays(-7));
    }

    [Fact]
    public async Task Seeding_twice_is_refused_and_changes_nothing()
    {
        await using var demo = await DemoDatabase.CreateAsync();
        await demo.SeedAsync();
        var before = await demo.QueryAsync(Counts);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => demo.SeedAsync());

        Assert.Contains("empty database", refused.Message);
        Assert.Equal(before, await demo.QueryAsync(Counts));
    }

    [Fact]
    public async Task Seeding_into_a_database_with_people_of_its_own_is_refused_and_changes_nothing()
    {
        await using var demo = await DemoDatabase.CreateAsync();
        await using (var db = demo.Database.NewDb())
        {
            var report = await new PeopleImporter(db, demo.Clock).ImportAsync(
                new StringReader("role,code,full_name,group,phone,language,students\nadmin,A9,Someone Else,,,en,"), CancellationToken.None);
            Assert.True(report.Succeeded);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => demo.SeedAsync());

        Assert.Equal((1, 0, 0, 0, 0), await demo.QueryAsync(Counts));
        Assert.Null((await demo.PersonAsync("A9")).TelegramUserId);
    }

    [Fact]
    public async Task The_demo_files_import_whole_through_the_importers_and_again_change_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewDb();
        var people = new PeopleImporter(db, database.Clock);
        var placements = new PlacementImporter(db, database.Clock);

        var roster = await people.ImportAsync(new StringReader(DemoCollege.PeopleCsv), CancellationToken.None);
        Assert.True(roster.Succeeded, string.Join("\n", roster.Errors));
        Assert.Equal((26, 2), (roster.Created, roster.GroupsCreated));
        var placed = await placements.ImportAsync(new StringReader(DemoCollege.PlacementsCsv), CancellationToken.None);
        Assert.True(placed.Succeeded, string.Join("\n", placed.Errors));
        Assert.Equal((5, 3), (placed.Created, placed.OrganizationsCreated));

        var again = await people.ImportAsync(new StringReader(DemoCollege.PeopleCsv), CancellationToken.None);
        Assert.Equal((0, 0, 26), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(5, (await placements.ImportAsync(new StringReader(DemoCollege.PlacementsCsv), CancellationToken.None)).Unchanged);
    }

    [Fact]
    public void The_placements_move_by_whole_days_from_the_files_day_to_today()
    {
        Assert.Equal(DemoCollege.PlacementsCsv.ReplaceLineEndings("\n"), DemoCollege.PlacementsFor(DemoCollege.FileToday));

        var moved = DemoCollege.PlacementsFor(DemoCollege.FileToday.AddDays(100)).Split('\n');

        Assert.Equal(DemoCollege.PlacementsCsv.ReplaceLineEndings("\n").Split('\n')[0], moved[0]);
        Assert.StartsWith("S2002,practice,production,Бишкекская ТЭЦ,M1002,V1001,2027-02-10,2027-03-04,120,", moved[2]);
    }

    [Fact]
    public void The_sample_photo_is_a_png_of_its_own_each_time()
    {
        var photo = DemoCollege.SamplePhoto;

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.Take(4));
        photo[0] = 0;
        Assert.Equal(0x89, DemoCollege.SamplePhoto[0]);
    }

    private static DemoPerson Single(IReadOnlyList<DemoPerson> people, string code) => people.Single(p => p.Code == code);

    private static (WblForm, string, string) Describe(Placement p) => (p.Form, p.Organization!.Name, p.Mentor!.Code);

    private static async Task<(int People, int Absences, int Excuses, int Entries, int Messages)> Counts(CollegeDb db) =>
        (await db.People.CountAsync(), await db.Absences.CountAsync(), await db.Excuses.CountAsync(), await db.DiaryEntries.CountAsync(),
            await db.Outbox.CountAsync());

    /// <summary>A migrated SQLite file and the domain's services over it, on a fake clock, as the sandbox registers them.</summary>
    private sealed class DemoDatabase : IAsyncDisposable
    {
        private readonly IHost host;

        private DemoDatabase(TestDatabase database, IHost host)
        {
            Database = database;
            this.host = host;
        }

        public TestDatabase Database { get; }
        public FakeClock Clock => Database.Clock;
        public CollegeCalendar Calendar => host.Services.GetRequiredService<CollegeCalendar>();

        public static async Task<DemoDatabase> CreateAsync(DateTimeOffset? now = null, string holidays = "")
        {
            var database = await TestDatabase.CreateAsync(new FakeClock(now ?? FakeClock.DefaultStart));
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = [$"--ConnectionStrings:College={database.ConnectionString}",
                    .. holidays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((day, i) => $"--College:Holidays:{i}={day}")],
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.AddDomain();
            builder.Services.AddSingleton<TimeProvider>(database.Clock);
            builder.Services.AddScoped<DemoCollege>();
            return new DemoDatabase(database, builder.Build());
        }

        /// <summary>A database seeded at <paramref name="now"/> (ISO 8601 with its offset), with these holidays (comma-separated).</summary>
        public static async Task<DemoDatabase> SeededAsync(string now, string holidays)
        {
            var demo = await CreateAsync(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), holidays);
            await demo.SeedAsync();
            return demo;
        }

        public AsyncServiceScope Scope() => host.Services.CreateAsyncScope();

        public async Task<IReadOnlyList<DemoPerson>> SeedAsync()
        {
            await using var scope = Scope();
            return await scope.ServiceProvider.GetRequiredService<DemoCollege>().SeedAsync(AccountOf, PhotoFileId, CancellationToken.None);
        }

        public async Task<T> QueryAsync<T>(Func<CollegeDb, Task<T>> query)
        {
            await using var db = Database.NewDb();
            return await query(db);
        }

        public Task<Person> PersonAsync(string code) => QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Code == code));

        public async ValueTask DisposeAsync()
        {
            host.Dispose();
            await Database.DisposeAsync();
        }
    }
}
