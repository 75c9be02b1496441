using System.Text.RegularExpressions;
using CollegeBot.Bot.Telegram;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Intake;

/// <summary>Checked when the bot starts: a wrong setting stops it with a sentence naming the key.</summary>
public sealed partial class TelegramSettingsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            problems.Add($"Telegram:ApiBaseUrl '{o.ApiBaseUrl}' must be an http(s) address such as https://api.telegram.org.");
        }

        if (o.PollingTimeoutSeconds is < 0 or > 50)
        {
            problems.Add("Telegram:PollingTimeoutSeconds must be between 0 and 50.");
        }

        if (o.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
            {
                problems.Add("Telegram:WebhookUrl must be an https address when Telegram:Mode is Webhook.");
            }

            if (o.WebhookSecret is null || !Secret().IsMatch(o.WebhookSecret))
            {
                problems.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and - when Telegram:Mode is Webhook.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex Secret();
}
