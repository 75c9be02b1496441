using System.Globalization;

namespace CollegeBot.Benchmarks;

/// <summary>The closing table: both figures, their aims, the machine and the command that produced them.</summary>
public static class Report
{
    public static void Print(BenchmarkOptions options, DeliveryResult? delivery, AbsentResult? absent, ScanResult? scan, string[] args)
    {
        var rows = new List<(string Figure, string Value, string Aim)>();
        if (delivery is { } d)
        {
            rows.Add(($"(a) delivery, {d.Delivered:N0} of {d.Notifications:N0} messages to {d.Chats:N0} chats" + (d.Complete ? "" : " (INCOMPLETE)"),
                $"{d.RatePerSecond:0.00} msg/s = {d.Ratio:0.000} of {d.ConfiguredPerSecond:0.##}/s", "≥ 0.95"));
            rows.Add(("    429 answers from the fake", d.TooManyRequests.ToString(CultureInfo.InvariantCulture), "0"));
            rows.Add(("    from host start (start-up included)", $"{d.RateFromStart:0.00} msg/s in {d.FromHostStart.TotalSeconds:0.0} s", ""));
            rows.Add(("    peak in any second / tightest gap in a chat", $"{d.PeakInOneSecond} / {d.TightestChatGap.TotalMilliseconds:N0} ms", "≤ 30 / ≥ 1,000 ms"));
        }

        if (absent is { } a)
        {
            rows.Add(($"(b) /absent end to end, {a.Commands:N0} commands", $"{a.PerSecond:N0} commands/s ({a.Elapsed.TotalSeconds:0.00} s)", "≥ 1,000/s"));
            rows.Add(("    handled / failed / absences recorded / outbox rows",
                $"{a.Handled:N0} / {a.Failed:N0} / {a.Absences:N0} / {a.OutboxRows:N0}", $"{a.Commands:N0} / 0 / {a.Commands:N0}"));
            rows.Add(("    processor time of the whole process", $"{a.Cpu.TotalMilliseconds * 1000 / a.Commands:N0} µs per command ({a.Cpu.TotalSeconds / a.Elapsed.TotalSeconds:0.0} cores busy)", ""));
            rows.Add(("    garbage collection while handling", $"{a.Allocated / a.Commands / 1024:N0} KB allocated per command; {a.GcPauses.TotalMilliseconds:N0} ms paused; {a.Gen0:N0} / {a.Gen1:N0} / {a.Gen2:N0} collections (gen 0/1/2)", ""));
            rows.Add(("    storing into the inbox (100 per batch)", $"{a.StoredPerSecond:N0} updates/s", ""));
        }

        if (scan is { } c)
        {
            foreach (var size in new[] { c.Small, c.Large })
            {
                rows.Add(($"(c) CatchUpReminders over {size.Absences:N0} absences ({size.Students:N0} students)",
                    $"{size.Median.TotalMilliseconds:N1} ms median of {ScanBenchmark.Runs} ({size.Fastest.TotalMilliseconds:N1}–{size.Slowest.TotalMilliseconds:N1}), {size.Notifications:N0} notifications",
                    "< 200 ms"));
            }

            rows.Add(("    ratio large / small", $"{c.Ratio:0.00}", "≤ 2"));
            rows.Add(("    filling the large database (not timed)", $"{c.Large.Filling.TotalSeconds:0.0} s", ""));
        }

        rows.Add(("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}", ""));
        var command = "dotnet run -c Release --project tests/Benchmarks" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args));

        var w1 = rows.Max(r => r.Figure.Length);
        var w2 = rows.Max(r => r.Value.Length);
        Console.WriteLine();
        Console.WriteLine($"{"Figure".PadRight(w1)} | {"Value".PadRight(w2)} | Aim");
        Console.WriteLine($"{new string('-', w1)}-+-{new string('-', w2)}-+-{new string('-', 18)}");
        foreach (var (figure, value, aim) in rows)
        {
            Console.WriteLine($"{figure.PadRight(w1)} | {value.PadRight(w2)} | {aim}");
        }

        Console.WriteLine($"command: {command}");
        if (delivery is not null && !options.Interleaved)
        {
            Console.WriteLine("(a) queues each chat's messages together; --interleaved queues them announcement by announcement.");
        }
    }
}
