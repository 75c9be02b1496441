using Microsoft.Data.Sqlite;

namespace CollegeBot.Bot.Tests.Sandbox;

/// <summary>Scripts run against the sandbox: the real bot over the demo college, with expect lines that pass or fail.</summary>
public sealed class DemoScriptTests
{
    [Fact]
    public async Task A_curator_records_an_absence_and_the_parent_receives_it_in_their_language()
    {
        var run = await DemoRun.ScriptAsync($"""
            start {DemoRun.Start}
            # the curator of IT-1-24, in Russian
            as T1001
            /absent S1001 2 Физика
            expect @T1001 Записано
            expect @P1001 Айгерим Токтогулова
            expect Физика
            as S1001
            /my
            expect @S1001 Физика
            """);

        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("→ Марат Токтогулов (parent, ky): 📋 Айгерим Токтогулова шейш. 1 дек. 2026 2 саат сабак калтырды (Физика).", run.Output);
        Assert.Contains("[T1001 Нурлан Жумабеков · curator/teacher · Tue 01 Dec 2026 09:00] > /absent S1001 2 Физика", run.Output);
        Assert.EndsWith("9 lines, 0 failed", run.Output.TrimEnd());
    }

    [Fact]
    public async Task An_expect_that_nothing_delivered_matches_fails_the_run_with_exit_code_1()
    {
        var run = await DemoRun.ScriptAsync($"""
            start {DemoRun.Start}
            /absent S1001 2 Физика
            expect @P1001 Химия
            expect @P1002 Айгерим
            expect Физика
            """);

        Assert.Equal(1, run.Code);
        Assert.Contains("✗ expected a message to P1001 containing \"Химия\"", run.Output);
        Assert.Contains("✗ expected a message to P1002 containing \"Айгерим\"", run.Output);
        Assert.EndsWith("5 lines, 2 failed", run.Output.TrimEnd());
    }

    [Fact]
    public async Task An_expect_looks_only_at_what_came_since_the_previous_line()
    {
        var run = await DemoRun.ScriptAsync($"""
            start {DemoRun.Start}
            /absent S1001 2 Физика
            people
            expect Физика
            """);

        Assert.Equal(1, run.Code);
        Assert.Contains("0 message(s) were delivered since the previous line", run.Output);
    }

    [Fact]
    public async Task Buttons_are_numbered_and_pressed_by_number_or_label_and_the_answer_is_printed_as_an_edit()
    {
        var run = await DemoRun.ScriptAsync($"""
            start {DemoRun.Start}
            /absent
            expect Сегодня
            press 1
            expect Отметьте студентов
            press Айгерим
            expect ☑ Айгерим Токтогулова
            press 99
            press Nobody
            """);

        Assert.Equal(1, run.Code);
        Assert.Contains("✎ Нурлан Жумабеков (curator/teacher, ru), message", run.Output);
        Assert.Contains("    [1] Сегодня  [2] Вчера", run.Output);
        Assert.Contains("✗ Message 3 of T1001 has buttons 1 to 8; there is no 99.", run.Output);
        Assert.Contains("✗ No button of message 3 says \"Nobody\"", run.Output);
        Assert.EndsWith("9 lines, 2 failed", run.Output.TrimEnd());
    }

    [Fact]
    public async Task A_wrong_person_a_press_without_buttons_a_bad_clock_and_a_step_back_in_time_each_fail_with_a_clear_line()
    {
        var run = await DemoRun.ScriptAsync($"""
            start {DemoRun.Start}
            as X9999
            press 1
            clock tomorrow
            clock 2026-11-30 09:00
            clock +200d
            start 2026-12-01 09:00
            """);

        Assert.Equal(1, run.Code);
        Assert.Contains("✗ There is no one with the code 'X9999'", run.Output);
        Assert.Contains("✗ Нурлан Жумабеков has no message with buttons to press.", run.Output);
        Assert.Contains("✗ 'tomorrow' is not a time", run.Output);
        Assert.Contains("✗ The clock only moves forward; it is Tue 01 Dec 2026 09:00.", run.Output);
        Assert.Contains("✗ That is more than 120 days at once", run.Output);
        Assert.Contains("✗ start works only as the first line", run.Output);
        Assert.EndsWith("7 lines, 6 failed", run.Output.TrimEnd());
    }

    [Fact]
    public async Task Moving_the_clock_fires_the_jobs_due_on_the_way_at_their_own_time()
    {
        // The evening's diary reminders reach the silent S2003 at 17:00, not before; the demo's S1002 has a catch-up due
        // in 4 days, recalled by tomorrow's 09:00 reminders; S2002's practice ends tomorrow, and his mentor is asked.
        var run = await DemoRun.ScriptAsync($"""
            start {DemoRun.Start}
            clock 16:59
            expect @S2003 diary
            clock +1m
            expect @S2003 diary
            clock 2026-12-02 09:00
            expect @S1002 Физика
            expect @M1002 Тимур Осмонов
            """);

        Assert.Equal(1, run.Code);
        Assert.Contains("✗ expected a message to S2003 containing \"diary\"; 4 message(s) were delivered", run.Output);
        Assert.Contains("── Tue 01 Dec 2026 17:00 ──", run.Output);
        Assert.Contains("── Wed 02 Dec 2026 09:00 ──", run.Output);
        Assert.Contains("The clock is at Wed 02 Dec 2026 09:00.", run.Output);
        Assert.EndsWith("8 lines, 1 failed", run.Output.TrimEnd());
    }

    [Fact]
    public async Task The_configured_database_is_never_touched_and_the_temporary_one_is_deleted_at_exit()
    {
        var folder = Directory.CreateTempSubdirectory("collegebot-demo-config-").FullName;
        try
        {
            var configured = Path.Combine(folder, "college.db");
            var defaultFile = Path.GetFullPath(Path.Combine("data", "college.db"));
            var defaultBefore = File.Exists(defaultFile) ? File.GetLastWriteTimeUtc(defaultFile) : (DateTime?)null;

            var run = await DemoRun.ScriptAsync(
                $"start {DemoRun.Start}\n/absent S1001 2\nexpect @P1001 Айгерим\n",
                $"--ConnectionStrings:College=Data Source={configured}",
                "--Database:Provider=Postgres");

            Assert.True(run.Code == 0, run.ToString());
            Assert.False(File.Exists(configured));
            Assert.Equal(defaultBefore, File.Exists(defaultFile) ? File.GetLastWriteTimeUtc(defaultFile) : null);
            Assert.StartsWith(Path.GetTempPath(), run.DatabaseFile);
            Assert.False(File.Exists(run.DatabaseFile), "the temporary database is left behind");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_db_the_data_is_kept_and_a_second_run_continues_it()
    {
        var folder = Directory.CreateTempSubdirectory("collegebot-demo-db-").FullName;
        var file = Path.Combine(folder, "demo.db");
        try
        {
            var first = await DemoRun.ScriptAsync($"start {DemoRun.Start}\n/absent S1001 2 Физика\nexpect @S1001 Физика\n", "--db", file);
            var second = await DemoRun.ScriptAsync($"start {DemoRun.Start}\nas S1001\n/my\nexpect Физика\nas P1001\n/child\nexpect Физика\n", "--db", file);

            Assert.True(first.Code == 0, first.ToString());
            Assert.True(second.Code == 0, second.ToString());
            Assert.Contains($"Database: {file} (kept)", first.Output);
            Assert.Contains($"Database: {file} (continued)", second.Output);
            Assert.True(File.Exists(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_shipped_walkthrough_runs_green()
    {
        var run = await DemoRun.RunAsync(["--script", Path.Combine(AppContext.BaseDirectory, "Sandbox", "walkthrough.txt")]);

        Assert.True(run.Code == 0, run.ToString());
        Assert.Matches(@"\d+ lines, 0 failed\s*$", run.Output);
    }
}
