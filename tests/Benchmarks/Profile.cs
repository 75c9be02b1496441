using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CollegeBot.Benchmarks;

/// <summary>Turns recorded database events into where the time of one update goes.</summary>
public static partial class Profile
{
    private sealed record Command(string Sql, TimeSpan Took, int Unit);

    public static void Print(IReadOnlyList<DbEvent> events, int updates, TimeSpan wall)
    {
        var commands = new List<Command>();
        var commits = TimeSpan.Zero;
        int unit = 0, opens = 0;
        long commandStart = 0, commitStart = 0;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case DbEventKind.TransactionStart:
                    unit++;
                    break;
                case DbEventKind.ConnectionOpen:
                    opens++;
                    break;
                case DbEventKind.CommandStart:
                    commandStart = e.Timestamp;
                    break;
                case DbEventKind.CommandEnd:
                    commands.Add(new Command(Shape(e.Sql), Stopwatch.GetElapsedTime(commandStart, e.Timestamp), unit));
                    break;
                case DbEventKind.CommitStart:
                    commitStart = e.Timestamp;
                    break;
                case DbEventKind.CommitEnd:
                    commits += Stopwatch.GetElapsedTime(commitStart, e.Timestamp);
                    break;
            }
        }

        var inCommands = commands.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Took);
        Console.WriteLine();
        Console.WriteLine($"Profile of {updates:N0} /absent updates (EF command logging on, so slower than the timed run):");
        Console.WriteLine($"  wall {wall.TotalMilliseconds:N0} ms = {Us(wall / updates)} per update ({updates / wall.TotalSeconds:N0}/s)");
        Console.WriteLine($"  {unit:N0} transactions, {commands.Count:N0} SQL commands = {(double)commands.Count / updates:0.0} per update, " +
            $"{(double)opens / updates:0.0} connection opens per update");
        Console.WriteLine($"  executing commands {Share(inCommands, wall)}, committing {Share(commits, wall)}, " +
            $"the rest (EF tracking, JSON, routing, rendering, scopes) {Share(wall - inCommands - commits, wall)}");
        Console.WriteLine();
        Console.WriteLine("  per update  avg time   share  SQL");
        foreach (var g in commands.GroupBy(c => c.Sql).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Sum(c => c.Took.Ticks)))
        {
            var total = TimeSpan.FromTicks(g.Sum(c => c.Took.Ticks));
            Console.WriteLine($"  {(double)g.Count() / updates,10:0.00}  {Us(total / g.Count()),8}  {total / wall,6:P0}  {g.Key}");
        }

        var middle = unit / 2;
        Console.WriteLine();
        Console.WriteLine($"  One update's commands, in order (transaction {middle}):");
        foreach (var c in commands.Where(c => c.Unit == middle))
        {
            Console.WriteLine($"    {Us(c.Took),8}  {c.Sql}");
        }
    }

    private static string Us(TimeSpan t) => $"{t.TotalMicroseconds:N0} µs";

    private static string Share(TimeSpan part, TimeSpan wall) => $"{part.TotalMilliseconds:N0} ms ({part / wall:P0})";

    /// <summary>The command on one line, short enough to read in a table.</summary>
    private static string Shape(string? sql)
    {
        var line = Spaces().Replace(sql ?? "?", " ").Trim();
        return line.Length <= 140 ? line : line[..140] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
