using CollegeBot.Bot.Sandbox;
using CollegeBot.Domain;
using CollegeBot.Scheduler;

namespace CollegeBot.Bot.Tests.Sandbox;

/// <summary>The <c>demo</c> verb run as the program runs it, with a script; what it printed and its exit code.</summary>
internal sealed record DemoRun(int Code, string Output, string Errors)
{
    /// <summary>Tuesday 1 December 2026, 09:00 in Bishkek.</summary>
    public const string Start = "2026-12-01 09:00";

    public static async Task<DemoRun> ScriptAsync(string script, params string[] args)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("collegebot-demo-test-").FullName, "script.txt");
        await File.WriteAllTextAsync(file, script);
        try
        {
            return await RunAsync(["--script", file, .. args]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    public static async Task<DemoRun> RunAsync(string[] args, TextReader? input = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await DemoVerb.RunAsync(args, static builder =>
        {
            builder.AddDomain();
            builder.AddScheduler();
            builder.AddBot();
        }, input ?? TextReader.Null, output, errors);
        return new DemoRun(code, output.ToString(), errors.ToString());
    }

    /// <summary>The database file the banner names.</summary>
    public string DatabaseFile
    {
        get
        {
            var line = Output.Split('\n').First(l => l.StartsWith("Database: ", StringComparison.Ordinal));
            return line["Database: ".Length..line.IndexOf(" (", StringComparison.Ordinal)];
        }
    }

    public override string ToString() => $"exit {Code}\n{Output}\n{Errors}";
}
