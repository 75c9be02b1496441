using CollegeBot.Bot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Intake;

/// <summary>
/// Long polling: stores each batch of updates, and only then confirms it to Telegram by asking with the next
/// offset. Telegram re-sends what was not confirmed; the inbox ignores what it already holds.
/// </summary>
public sealed class UpdatePoller(
    BotApiClient telegram,
    BotStartup startup,
    InboxWriter inbox,
    BotLifetime lifetime,
    IOptions<TelegramOptions> options,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    public static readonly string[] AllowedUpdates = ["message", "callback_query", "my_chat_member"];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.IntroduceAsync(stoppingToken))
        {
            return;
        }
        long? offset = null;
        var backoff = TimeSpan.FromSeconds(1);
        logger.LogInformation("Polling Telegram for updates");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await telegram.GetUpdatesAsync(new GetUpdatesRequest
                {
                    Offset = offset,
                    Limit = 100,
                    Timeout = options.Value.PollingTimeoutSeconds,
                    AllowedUpdates = AllowedUpdates,
                }, stoppingToken);
                await inbox.StoreAsync(updates, stoppingToken);
                if (updates.Length > 0)
                {
                    offset = updates.Max(u => u.UpdateId) + 1;
                }

                backoff = TimeSpan.FromSeconds(1);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 401)
            {
                lifetime.Fail("Telegram refused the bot token (401 Unauthorized): check Telegram__BotToken; it must be the token BotFather gave you.");
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                logger.LogError(
                    "Telegram answered 409 Conflict ({Description}): another copy of this bot is polling with the same token, or a webhook is set. Stop the other instance, or run one instance in Webhook mode.",
                    ex.Description);
                backoff = MaxBackoff;
            }
            catch (ApiRequestException ex) when (ex.RetryAfter is { } seconds)
            {
                backoff = TimeSpan.FromSeconds(seconds);
            }
            catch (Exception ex) when (ex is ApiRequestException or BotApiNetworkException)
            {
                logger.LogWarning("Polling failed ({Reason}); retrying in {Seconds} s", ex.Message, backoff.TotalSeconds);
            }
            catch (Exception ex)
            {
                // Storing failed (the database is locked or full): the batch was not confirmed, so Telegram keeps it.
                logger.LogError(ex, "Storing received updates failed; retrying in {Seconds} s", backoff.TotalSeconds);
            }

            try
            {
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }
}
