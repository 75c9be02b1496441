using System.Globalization;
using System.Text.RegularExpressions;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// The sandbox's command line, typed or read from a script: who you are, what you send, which button you press, where
/// the clock stands; anything that is not one of its words is sent to the bot as the current person's message.
/// </summary>
internal sealed partial class SandboxTerminal(DemoSandbox sandbox, TextWriter output, bool script)
{
    public const string Help = """
        help                      this list
        people                    everyone: code, name, roles, language, group
        as <code>                 chat as that person from now on
        press <n>                 press button n of your last message with buttons; press <m>#<n>: of message m;
                                  press <label>: the first button whose text contains the label
        send-photo [caption]      send a sample photo (the proof /excuse asks for)
        clock                     the sandbox time (college time)
        clock +3d | +2h | +30m    move the clock on; the scheduled jobs run as they would have in between
        clock 2026-12-07 08:30    move the clock to that moment; clock 17:30 moves it to the next 17:30
        say <text>                send the text as it is, also when it starts with one of these words
        quit                      leave (so do the end of the input and Ctrl+C); a temporary database is deleted
        anything else             sent to the bot as your message: /help, /absent S1001 2, a diary text...
        In a script: expect <text> fails the line unless a message delivered since the previous line contains the
        text (any case); expect @CODE <text> looks only at that person's messages. Lines starting with # are comments.
        """;

    private static readonly TimeSpan LongestMove = TimeSpan.FromDays(120);

    private DemoPerson me = sandbox.Find("T1001") ?? sandbox.People[0];
    private int ran;

    public int Failed { get; private set; }

    public string Prompt => $"[{me.Code} {me.FullName} · {ChatPrinter.RolesOf(me.Roles)} · {sandbox.Now}] > ";

    /// <returns>0, or 1 when a line of the script failed.</returns>
    public async Task<int> RunAsync(TextReader input, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!script)
            {
                output.Write(Prompt);
                output.Flush();
            }

            string? line;
            try
            {
                line = await Task.Run(input.ReadLine, ct).WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            line = line.Trim();
            var comment = line.Length == 0 || line.StartsWith('#');
            if (script)
            {
                // The transcript reads like a session: comments and blank lines as they are, commands after the prompt.
                output.WriteLine(comment ? line : Prompt + line);
            }

            if (comment)
            {
                continue;
            }

            if (line is "quit" or "exit")
            {
                break;
            }

            ran++;
            var failure = await ExecuteAsync(line, ct);
            if (failure is not null)
            {
                output.WriteLine("✗ " + failure);
                Failed += script ? 1 : 0;
            }
        }

        if (script)
        {
            output.WriteLine($"{ran} lines, {Failed} failed");
        }

        return Failed > 0 ? 1 : 0;
    }

    /// <returns>Why the line failed, or null.</returns>
    public async Task<string?> ExecuteAsync(string line, CancellationToken ct)
    {
        var (word, rest) = Split(line);
        if (word == "expect")
        {
            return Expect(rest);
        }

        sandbox.BeginLine();
        var failure = word switch
        {
            "help" => Print(Help),
            "people" => Print(PeopleTable()),
            "as" => As(rest),
            "press" => await PressAsync(rest, ct),
            "send-photo" => await Act(sandbox.SendPhotoAsync(me, rest.Length == 0 ? null : rest, ct)),
            "clock" => await ClockAsync(rest, ct),
            "say" => await Act(sandbox.SayAsync(me, rest, ct)),
            "start" => ran == 1 && script ? null : "start works only as the first line of a script (or as --start).",
            _ => await Act(sandbox.SayAsync(me, line, ct)),
        };

        if (word != "clock")
        {
            await sandbox.CatchUpAsync(ct);
        }

        return failure ?? sandbox.Trouble;
    }

    private static async Task<string?> Act(Task action)
    {
        await action;
        return null;
    }

    private string? Print(string text)
    {
        output.WriteLine(text);
        return null;
    }

    private string? As(string code)
    {
        if (sandbox.Find(code) is not { } person)
        {
            return $"There is no one with the code '{code}'; `people` lists everyone.";
        }

        me = person;
        return null;
    }

    private async Task<string?> PressAsync(string what, CancellationToken ct)
    {
        var match = PressPattern().Match(what);
        int? message = match.Success && match.Groups["m"].Success
            ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture)
            : sandbox.Printer.LastWithButtons(me);
        if (what.Length == 0)
        {
            return "Press what? `press 2` presses button 2 of your last message with buttons, `press 14#2` of message 14, `press Approve` the button that says so.";
        }

        if (message is not { } id)
        {
            return $"{me.FullName} has no message with buttons to press.";
        }

        if (match.Success)
        {
            return await sandbox.PressAsync(me, id, int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), ct);
        }

        // A label instead of a number: the first button whose text contains it, so a script survives other data.
        var buttons = sandbox.ButtonsOf(me, id);
        var index = buttons.ToList().FindIndex(b => b.Text.Contains(what, StringComparison.CurrentCultureIgnoreCase));
        return index < 0
            ? $"No button of message {id} says \"{what}\"; it has: {string.Join(" | ", buttons.Select(b => b.Text))}."
            : await sandbox.PressAsync(me, id, index + 1, ct);
    }

    private async Task<string?> ClockAsync(string value, CancellationToken ct)
    {
        if (value.Length == 0)
        {
            return Print($"{sandbox.Now} ({sandbox.Calendar.Zone.Id})");
        }

        var now = sandbox.Clock.GetUtcNow();
        if (ParseTarget(value, now) is not { } target)
        {
            return $"'{value}' is not a time: use +3d, +2h, +30m, 2026-12-07 08:30 or 17:30.";
        }

        if (target < sandbox.DoneUntil)
        {
            return $"The clock only moves forward; it is {sandbox.Now}.";
        }

        if (target - now > LongestMove)
        {
            return $"That is more than {LongestMove.TotalDays:0} days at once; move in smaller steps.";
        }

        await sandbox.MoveClockAsync(target, ct);
        return Print($"The clock is at {sandbox.Now}.");
    }

    /// <summary>"+3d", "+2h", "+30m", "2026-12-07 08:30" (college time) or "17:30" (the next one); null when none of them.</summary>
    public DateTimeOffset? ParseTarget(string value, DateTimeOffset now)
    {
        var step = StepPattern().Match(value);
        if (step.Success)
        {
            var n = int.Parse(step.Groups["n"].Value, CultureInfo.InvariantCulture);
            return now + step.Groups["unit"].Value switch
            {
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromMinutes(n),
            };
        }

        var calendar = sandbox.Calendar;
        if (DemoArguments.ParseStart(value) is { } moment)
        {
            return calendar.InstantOf(moment);
        }

        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);
            var at = calendar.InstantOf(today, time);
            return at > now ? at : calendar.InstantOf(today.AddDays(1), time);
        }

        return null;
    }

    private string? Expect(string what)
    {
        var target = what.StartsWith('@') ? sandbox.Find(Split(what[1..]).Word) : null;
        if (what.StartsWith('@') && target is null)
        {
            return $"expect {what}: there is no one with the code '{Split(what[1..]).Word}'.";
        }

        var text = target is null ? what : Split(what).Tail;
        if (text.Length == 0)
        {
            return "expect what? `expect <text>` or `expect @CODE <text>`.";
        }

        return sandbox.Printer.Saw(target, text)
            ? null
            : $"expected a message{(target is null ? "" : $" to {target.Code}")} containing \"{text}\"; " +
              $"{sandbox.Printer.DeliveredSinceMark} message(s) were delivered since the previous line.";
    }

    private string PeopleTable()
    {
        var rows = sandbox.People.Select(p =>
            $"{(p.Code == me.Code ? "*" : " ")} {p.Code,-6} {p.FullName,-24} {ChatPrinter.RolesOf(p.Roles),-18} {p.Language,-3} {p.Group}");
        return string.Join(Environment.NewLine, rows);
    }

    private static (string Word, string Tail) Split(string line)
    {
        var space = line.IndexOf(' ');
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
    }

    [GeneratedRegex(@"^(?:(?<m>\d+)#)?(?<n>\d+)$")]
    private static partial Regex PressPattern();

    [GeneratedRegex(@"^\+(?<n>\d{1,4})(?<unit>[dhm])$")]
    private static partial Regex StepPattern();
}
