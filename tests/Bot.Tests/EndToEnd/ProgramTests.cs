using System.Diagnostics;
using CollegeBot.FakeTelegram;
using CollegeBot.Tests.Support;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>The program itself, started as a new user starts it, with settings from the environment.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Without_a_token_it_says_in_one_sentence_what_to_set_and_exits_non_zero()
    {
        using var folder = new TempFolder();
        using var process = Start(folder.Path, new() { ["Telegram__BotToken"] = "" });

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, process.ExitCode);
        var errors = await process.StandardError.ReadToEndAsync();
        Assert.Equal("No bot token: set the environment variable Telegram__BotToken to the token BotFather gave you (see README.md).", errors.Trim());
    }

    [Fact]
    public async Task With_a_token_it_polls_answers_start_and_help_and_stops_cleanly_on_ctrl_c()
    {
        await using var telegram = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        await using var database = await TestDatabase.CreateAsync(new FakeClock(DateTimeOffset.UtcNow));
        using var folder = new TempFolder();
        await using (var db = database.NewDb())
        {
            await new Domain.People.Import.PeopleImporter(db, TimeProvider.System).ImportAsync(new StringReader(BotHarness.Roster), CancellationToken.None);
        }

        string invite;
        await using (var db = database.NewDb())
        {
            var issued = await new Domain.People.Invites.InviteIssuer(db, TimeProvider.System)
                .IssueAsync(new Domain.People.Invites.InviteFilter(Person: BotHarness.StudentCode), CancellationToken.None);
            invite = issued.Invites[0].InviteCode;
        }

        using var process = Start(folder.Path, new()
        {
            ["Telegram__BotToken"] = telegram.Token,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["ConnectionStrings__College"] = database.ConnectionString,
        });
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var user = telegram.CreateUser("Aigerim", "ky");
        await telegram.SendTextAsync(user, "/start " + invite);
        var welcome = await telegram.WaitForMessageAsync(user.ChatId, timeout: TimeSpan.FromSeconds(30));
        await telegram.SendTextAsync(user, "/help");
        var help = await telegram.WaitForMessageAsync(user.ChatId);

        Assert.Contains("Кош келиңиз", welcome.Text);
        Assert.Contains("/language", help.Text);

        var stopwatch = Stopwatch.StartNew();
        using (var ctrlC = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await ctrlC.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{string.Join("\n", output.TakeLast(40))}");
        Assert.DoesNotContain(output, line => line.Contains(telegram.Token.Split(':')[1]));
    }

    /// <summary>The program as a person starts it (<c>dotnet CollegeBot.dll</c>), with <paramref name="args"/> and these environment variables.</summary>
    internal static Process Start(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CollegeBot.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    internal sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("collegebot-run-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
