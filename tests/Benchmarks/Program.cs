using CollegeBot.Benchmarks;

// Prints (a) the delivery rate against Telegram's limits, (b) /absent commands per second and (c) the reminder scan's
// time over a small and a large history of absences.
var options = BenchmarkOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"{error}\n\n{BenchmarkOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var delivery = options.RunDelivery ? await DeliveryBenchmark.RunAsync(options, stop.Token) : null;
var absent = options.RunAbsent ? await AbsentBenchmark.RunAsync(options.AbsentCommands, stop.Token) : null;
if (options.RunAbsent && options.Profile)
{
    await AbsentBenchmark.ProfileAsync(Math.Min(500, options.AbsentCommands), stop.Token);
}

var scan = options.RunScan ? await ScanBenchmark.RunAsync(options.ScanSmall, options.ScanLarge, stop.Token) : null;

Report.Print(options, delivery, absent, scan, args);
return (delivery is null || delivery.Complete) && (absent is null || absent.Failed == 0) ? 0 : 1;
