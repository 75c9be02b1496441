using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Intake;

/// <summary>Stops the program with one clear sentence and a non-zero exit code when it cannot go on.</summary>
public sealed class BotLifetime(IHostApplicationLifetime lifetime, ILogger<BotLifetime> logger)
{
    public string? FailureReason { get; private set; }

    public void Fail(string sentence)
    {
        FailureReason = sentence;
        logger.LogCritical("{Reason}", sentence);
        Environment.ExitCode = 2;
        lifetime.StopApplication();
    }
}
