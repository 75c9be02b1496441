using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Intake;

/// <summary>Stops the program with one clear sentence when it cannot go on; the program then exits non-zero.</summary>
public sealed class BotLifetime(IHostApplicationLifetime lifetime, ILogger<BotLifetime> logger)
{
    public string? FailureReason { get; private set; }

    public void Fail(string sentence)
    {
        FailureReason = sentence;
        logger.LogCritical("{Reason}", sentence);
        lifetime.StopApplication();
    }
}
