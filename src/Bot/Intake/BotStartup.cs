using CollegeBot.Bot.Commands;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Texts;
using CollegeBot.Domain.College;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Intake;

/// <summary>
/// Before the first update: learns the bot's username (getMe, which also proves the token), removes or sets the
/// webhook to match <c>Telegram:Mode</c>, and sets the command menu people see before they link, in each language.
/// </summary>
public sealed class BotStartup(
    BotApiClient telegram,
    BotIdentity identity,
    BotLifetime lifetime,
    TextRenderer texts,
    CommandMenu menu,
    IOptions<CollegeOptions> college,
    IOptions<TelegramOptions> options,
    ILogger<BotStartup> logger)
{
    /// <returns>False when the bot cannot run (the token was refused); the program is then stopping.</returns>
    public async Task<bool> IntroduceAsync(CancellationToken ct)
    {
        for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2)))
        {
            try
            {
                var me = await telegram.GetMeAsync(ct);
                identity.Username = me.Username;
                logger.LogInformation("Connected to Telegram as @{Username}", me.Username);
                await ConnectUpdatesAsync(ct);
                await SetDefaultMenusAsync(ct);
                return true;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
            {
                lifetime.Fail("Telegram refused the bot token (401 Unauthorized): check Telegram__BotToken; it must be the token BotFather gave you.");
                return false;
            }
            catch (Exception ex) when (ex is ApiRequestException or BotApiNetworkException)
            {
                logger.LogWarning("Cannot reach Telegram yet ({Reason}); retrying in {Seconds} s", ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, ct);
            }
        }
    }

    private async Task ConnectUpdatesAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (o.Mode == TelegramMode.Webhook)
        {
            await telegram.SetWebhookAsync(new SetWebhookRequest(o.WebhookUrl!)
            {
                SecretToken = o.WebhookSecret,
                AllowedUpdates = UpdatePoller.AllowedUpdates,
            }, ct);
            logger.LogInformation("Webhook set; Telegram now posts updates to the configured Telegram:WebhookUrl");
        }
        else
        {
            // A webhook left by an earlier run in Webhook mode would make every getUpdates fail with 409.
            await telegram.DeleteWebhookAsync(new DeleteWebhookRequest(), ct);
        }
    }

    private async Task SetDefaultMenusAsync(CancellationToken ct)
    {
        try
        {
            await SetMenusAsync(ct);
        }
        catch (Exception ex) when (ex is ApiRequestException or BotApiNetworkException)
        {
            logger.LogWarning("Setting the default command menu failed: {Reason}", ex.Message);
        }
    }

    private async Task SetMenusAsync(CancellationToken ct)
    {
        var commands = menu.ForStrangers();
        BotCommand[] Menu(string language) =>
            [.. commands.Select(c => new BotCommand(c.Name, texts.Plain(c.Description, language)))];

        await telegram.SetMyCommandsAsync(new SetMyCommandsRequest(Menu(college.Value.DefaultLanguage)), ct);
        foreach (var language in Languages.All)
        {
            await telegram.SetMyCommandsAsync(new SetMyCommandsRequest(Menu(language)) { LanguageCode = language }, ct);
        }
    }
}
