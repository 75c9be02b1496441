using System.Globalization;
using CollegeBot.Bot.Tests.EndToEnd;

namespace CollegeBot.Bot.Tests.Sandbox;

/// <summary><c>demo</c> started as a person starts it: no configuration needed, and whatever is configured is left alone.</summary>
public sealed class DemoProgramTests
{
    [Fact]
    public async Task A_script_runs_as_a_process_ignoring_the_configured_database_token_and_mode()
    {
        using var folder = new ProgramTests.TempFolder();
        var script = Path.Combine(folder.Path, "walk.txt");
        await File.WriteAllTextAsync(script, $"start {DemoRun.Start}\n/absent S1001 2 Физика\nexpect @P1001 Айгерим Токтогулова\n");
        var configured = Path.Combine(folder.Path, "configured.db");

        using var process = ProgramTests.Start(folder.Path, new()
        {
            ["ConnectionStrings__College"] = $"Data Source={configured}",
            ["Database__Provider"] = "Postgres",
            ["Telegram__BotToken"] = "987654321:AAthisWouldBeARealTokenIfItWereOne_xyz",
            ["Telegram__Mode"] = "Webhook",
        }, "demo", "--script", script);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await errors}");
        Assert.Contains("3 lines, 0 failed", await output);
        Assert.Equal([script], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Ctrl_c_at_the_prompt_exits_cleanly_and_deletes_the_temporary_database()
    {
        using var folder = new ProgramTests.TempFolder();
        using var process = ProgramTests.Start(folder.Path, [], "demo");
        try
        {
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var ready = new TaskCompletionSource();
            process.OutputDataReceived += (_, e) =>
            {
                lines.Enqueue(e.Data ?? "");
                if (e.Data?.Contains("`help` lists the commands", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult(); // the last line before the first prompt
                }
            };
            process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var banner = lines.First(l => l.StartsWith("Database: ", StringComparison.Ordinal));
            var database = banner["Database: ".Length..banner.IndexOf(" (", StringComparison.Ordinal)];
            Assert.True(File.Exists(database));

            using (var ctrlC = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await ctrlC.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {string.Join("\n", lines)}");
            Assert.False(File.Exists(database), "the temporary database is left behind");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // a failed check must not leave the demo running
            }
        }

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Typed_lines_are_answered_after_a_prompt_that_says_who_and_when_and_the_end_of_input_ends_it()
    {
        var run = await DemoRun.RunAsync(["--start", DemoRun.Start], new StringReader("as S1003\n/my\nexpect Математика\n"));

        Assert.Equal(0, run.Code);
        Assert.Contains("[S1003 Чынара Бекова · student · Tue 01 Dec 2026 09:00] > → Чынара Бекова (student, ky): 📋 Калтырган сабактарым", run.Output);
        Assert.DoesNotContain("lines,", run.Output);
    }
}
