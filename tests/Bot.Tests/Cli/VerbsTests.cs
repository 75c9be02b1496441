using CollegeBot.Bot.Cli;
using CollegeBot.Bot.Tests.EndToEnd;
using CollegeBot.Domain;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Scheduler;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Tests.Cli;

/// <summary>The command-line verbs as an administrator uses them: import the roster, issue invites.</summary>
public sealed class VerbsTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly string folder = Directory.CreateTempSubdirectory("collegebot-cli-").FullName;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Import_of_a_good_file_reports_what_it_did_and_a_second_import_changes_nothing()
    {
        var file = Write("people.csv", BotHarness.Roster);

        var first = await RunAsync("import", file);
        var second = await RunAsync("import", file);

        Assert.Equal(0, first.Code);
        Assert.Contains("8 new, 0 updated", first.Output);
        Assert.Contains("2 new group", first.Output);
        Assert.Equal(0, second.Code);
        Assert.Contains("0 new, 0 updated, 8 unchanged", second.Output);
    }

    [Fact]
    public async Task Import_of_a_bad_file_names_each_bad_line_and_imports_nothing()
    {
        var file = Write("bad.csv", """
            role,code,full_name,group,phone,language,students
            student,S1,Good Student,G-1,,,
            janitor,S2,Someone,,,,
            parent,P1,A Parent,,,,S404
            student,S3,,G-1,,,
            """);

        var result = await RunAsync("import", file);

        Assert.Equal(1, result.Code);
        Assert.Contains("line 3:", result.Errors);
        Assert.Contains("line 4:", result.Errors);
        Assert.Contains("line 5:", result.Errors);
        Assert.DoesNotContain("line 2:", result.Errors);
        Assert.Contains("Nothing was imported", result.Errors);
        await using var db = database.NewDb();
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Fact]
    public async Task Import_of_a_missing_file_says_so() =>
        Assert.Contains("There is no file", (await RunAsync("import", Path.Combine(folder, "nope.csv"))).Errors);

    [Fact]
    public async Task Import_placements_reports_what_it_did_and_a_second_import_changes_nothing()
    {
        await RunAsync("import", Write("people.csv", BotHarness.Roster + "\nmentor,M01,Gulnara Isaeva,,,,\nsupervisor,U01,Dina Petrova,,,,"));
        var file = Write("placements.csv", """
            student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no
            S1001,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,160,C-17,O-55
            S1002,volunteering,,Red Crescent,M01,U01,2026-11-01,2026-12-31,,,
            """);

        var first = await RunAsync("import-placements", file);
        var second = await RunAsync("import-placements", file);

        Assert.Equal(0, first.Code);
        Assert.Contains("2 new placement(s), 0 updated, 0 unchanged; 2 new organization(s)", first.Output);
        Assert.Equal(0, second.Code);
        Assert.Contains("0 new placement(s), 0 updated, 2 unchanged; 0 new organization(s)", second.Output);
    }

    [Fact]
    public async Task Import_placements_that_signs_a_memorandum_tells_volunteers_who_have_the_hours_already()
    {
        await RunAsync("import", Write("people.csv", BotHarness.Roster + "\nmentor,M01,Gulnara Isaeva,,,,\nsupervisor,U01,Dina Petrova,,,,"));
        const string Row = "S1002,volunteering,,Red Crescent,M01,U01,2026-11-01,2026-12-31,,,";
        const string Header = "student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no";
        await RunAsync("import-placements", Write("placements.csv", Header + "\n" + Row + "\n"));
        await using (var db = database.NewDb())
        {
            var placement = await db.Placements.SingleAsync();
            db.DiaryEntries.Add(new DiaryEntry
            {
                PlacementId = placement.Id, Date = new DateOnly(2026, 11, 20), Text = "Warehouse", Hours = 40,
                Status = DiaryStatus.Reviewed, Grade = 5, CreatedAt = database.Clock.UtcNow, SubmittedAt = database.Clock.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var result = await RunAsync("import-placements", Write("signed.csv", Header + ",memorandum\n" + Row + ",yes\n"));

        Assert.Equal(0, result.Code);
        await using var check = database.NewDb();
        Assert.Equal(2, await check.Outbox.CountAsync(o => o.Kind == "volunteering.practice"));
    }

    [Fact]
    public async Task Import_placements_of_a_bad_file_names_each_bad_line_and_imports_nothing()
    {
        await RunAsync("import", Write("people.csv", BotHarness.Roster + "\nmentor,M01,Gulnara Isaeva,,,,\nsupervisor,U01,Dina Petrova,,,,"));
        var file = Write("placements.csv", """
            student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no
            S1001,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,160,,
            S1002,practice,,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,,,
            S1003,dual,,Kyrgyztelecom,T3001,U01,2026-11-16,2026-12-11,,,
            """);

        var result = await RunAsync("import-placements", file);

        Assert.Equal(1, result.Code);
        Assert.Contains("line 3: practice needs a kind", result.Errors);
        Assert.Contains("line 4: mentor T3001", result.Errors);
        Assert.DoesNotContain("line 2:", result.Errors);
        Assert.Contains("Nothing was imported: 2 problem(s)", result.Errors);
        await using var db = database.NewDb();
        Assert.Equal(0, await db.Placements.CountAsync());
    }

    [Fact]
    public async Task Invites_writes_a_link_per_unlinked_person_of_the_filter()
    {
        await RunAsync("import", Write("people.csv", BotHarness.Roster));
        var output = Path.Combine(folder, "invites.csv");

        var result = await RunAsync("invites", "--group", "IT-1-23", "--role", "student", "--out", output);

        Assert.Equal(0, result.Code);
        var lines = File.ReadAllLines(output);
        Assert.Equal("code,role,full_name,group,invite_code,link", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^S100[123],student,.*,IT-1-23,[A-Za-z0-9_-]{22},https://t\.me/college_test_bot\?start=[A-Za-z0-9_-]{22}$", l));
        Assert.Contains("3 invite(s) issued", result.Errors);
    }

    [Fact]
    public async Task Invites_without_a_username_or_token_says_what_to_set()
    {
        var result = await RunAsUsernameAsync(null, "invites");
        Assert.Equal(2, result.Code);
        Assert.Contains("Telegram__BotUsername", result.Errors);
    }

    [Fact]
    public async Task Invites_with_an_unknown_option_shows_the_usage()
    {
        var result = await RunAsync("invites", "--colour", "red");
        Assert.Equal(2, result.Code);
        Assert.Contains("Usage: invites", result.Errors);
    }

    [Fact]
    public async Task Run_job_runs_the_job_once_against_the_configured_database_and_says_how_many_it_queued()
    {
        await RunAsync("import", Write("people.csv", BotHarness.Roster));
        await using (var db = database.NewDb())
        {
            // Due today (the fake clock's Monday 23 November): the student and both parents are reminded.
            var student = await db.People.SingleAsync(p => p.Code == BotHarness.StudentCode);
            db.Absences.Add(new Absence { StudentId = student.Id, Date = new DateOnly(2026, 11, 9), Hours = 2, SubjectKey = "", RecordedById = student.Id, CatchUpDueOn = new DateOnly(2026, 11, 23) });
            await db.SaveChangesAsync();
        }

        var first = await RunAsync("run-job", "CatchUpReminders");
        var second = await RunAsync("run-job", "catchupreminders");

        Assert.Equal(0, first.Code);
        Assert.Contains("CatchUpReminders ran: 3 notification(s) queued", first.Output);
        Assert.Equal(0, second.Code);
        Assert.Contains("CatchUpReminders ran: 0 notification(s) queued", second.Output);
        await using var check = database.NewDb();
        Assert.Equal(3, await check.Outbox.CountAsync(o => o.Kind == "catchup.reminder"));
    }

    [Fact]
    public async Task Run_job_with_an_unknown_name_says_which_jobs_there_are()
    {
        var result = await RunAsync("run-job", "Reminders");

        Assert.Equal(2, result.Code);
        Assert.StartsWith("There is no job 'Reminders'; the jobs are ", result.Errors);
        Assert.Contains("CatchUpReminders", result.Errors);
        Assert.Contains("CuratorDigest", result.Errors);
    }

    [Fact]
    public async Task Run_job_without_a_name_lists_the_jobs()
    {
        var result = await RunAsync("run-job");

        Assert.Equal(2, result.Code);
        Assert.Contains("Usage: run-job <name>, where the name is one of: ", result.Errors);
        Assert.Contains("CuratorDigest", result.Errors);
    }

    [Fact]
    public async Task An_unknown_verb_shows_the_usage() =>
        Assert.Contains("Unknown verb 'frobnicate'", (await RunAsync("frobnicate")).Errors);

    private Task<(int Code, string Output, string Errors)> RunAsync(params string[] args) => RunAsUsernameAsync("college_test_bot", args);

    private async Task<(int Code, string Output, string Errors)> RunAsUsernameAsync(string? botUsername, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await Verbs.RunAsync(args, builder =>
        {
            builder.AddDomain();
            builder.AddScheduler();
            builder.AddBot();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(database.Clock);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:College"] = database.ConnectionString,
                ["Telegram:BotUsername"] = botUsername,
                ["Telegram:BotToken"] = "",
            });
        }, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
