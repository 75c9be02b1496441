using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollegeBot.Bot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Intake;

/// <summary>
/// Webhook mode: Telegram posts each update to us. It is stored exactly as the poller stores it and answered 200
/// only after the commit, so Telegram re-sends anything we did not keep; repeats are ignored by update_id.
/// </summary>
public static class WebhookIntake
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static WebApplication MapTelegramWebhook(this WebApplication app)
    {
        // A missing or wrong URL is reported by the settings check when the host starts, with the key named.
        var options = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var path = Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) ? url.AbsolutePath : "/telegram/webhook";
        app.MapPost(path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, InboxWriter inbox, IOptions<TelegramOptions> options, CancellationToken ct)
    {
        if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
        {
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, BotApiJson.Options, ct);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        await inbox.StoreAsync([update], ct);
        return Results.Ok();
    }

    /// <summary>Compared in constant time, so the secret cannot be guessed from response times.</summary>
    private static bool SecretMatches(string given, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

/// <summary>In webhook mode: introduces the bot to Telegram and sets the webhook, once at start.</summary>
public sealed class WebhookRegistrar(BotStartup startup) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => startup.IntroduceAsync(stoppingToken);
}
