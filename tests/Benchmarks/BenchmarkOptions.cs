using System.Globalization;

namespace CollegeBot.Benchmarks;

/// <summary>What to run and how big; read from the command line.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Benchmarks -- [options]

          --quick                 300 notifications to 100 chats, 1,000 /absent commands, a scan over 100,000
                                  absences
          --notifications N       notifications to deliver in (a) (default 3000)
          --chats N               chats they go to (default: notifications / 3)
          --interleaved           queue them announcement by announcement (everyone's first, then everyone's
                                  second…) instead of each chat's messages together
          --absent N              /absent commands in (b) (default 5000)
          --scan-absences N       absences in the large database of (c) (default 1000000; the small one has 10000)
          --no-delivery           skip (a)
          --no-absent             skip (b)
          --no-profile            skip the short query profile after (b)
          --no-scan               skip (c)
        """;

    public int Notifications { get; init; } = 3000;
    public int Chats { get; init; } = 1000;
    public bool Interleaved { get; init; }
    public int AbsentCommands { get; init; } = 5000;
    public bool RunDelivery { get; init; } = true;
    public bool RunAbsent { get; init; } = true;
    public bool Profile { get; init; } = true;
    public int ScanSmall { get; init; } = 10_000;
    public int ScanLarge { get; init; } = 1_000_000;
    public bool RunScan { get; init; } = true;

    /// <returns>Null, with the reason in <paramref name="error"/>, when the arguments cannot be read.</returns>
    public static BenchmarkOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var options = new BenchmarkOptions();
        int? notifications = null, chats = null, absent = null, scan = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = options with { Notifications = 300, Chats = 100, AbsentCommands = 1000, ScanLarge = 100_000 };
                    break;
                case "--interleaved":
                    options = options with { Interleaved = true };
                    break;
                case "--no-delivery":
                    options = options with { RunDelivery = false };
                    break;
                case "--no-absent":
                    options = options with { RunAbsent = false };
                    break;
                case "--no-profile":
                    options = options with { Profile = false };
                    break;
                case "--no-scan":
                    options = options with { RunScan = false };
                    break;
                case "--notifications" or "--chats" or "--absent" or "--scan-absences":
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        error = $"{args[i]} needs a whole number above 0.";
                        return null;
                    }

                    _ = args[i] switch
                    {
                        "--notifications" => notifications = n,
                        "--chats" => chats = n,
                        "--scan-absences" => scan = n,
                        _ => absent = n,
                    };
                    i++;
                    break;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    return null;
            }
        }

        options = options with
        {
            Notifications = notifications ?? options.Notifications,
            AbsentCommands = absent ?? options.AbsentCommands,
            ScanLarge = scan ?? options.ScanLarge,
        };
        options = options with { Chats = chats ?? (notifications is { } given ? Math.Max(1, given / 3) : options.Chats) };
        if (options.Chats > options.Notifications)
        {
            error = "--chats may not exceed --notifications: every chat gets at least one message.";
            return null;
        }

        return options;
    }
}
