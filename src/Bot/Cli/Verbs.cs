using CollegeBot.Bot.Intake;
using CollegeBot.Bot.Sandbox;
using CollegeBot.Bot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Cli;

/// <summary>The command line: no verb runs the bot; a verb does one job against the configured database and exits.</summary>
public static class Verbs
{
    public const string Usage = """
        Usage: dotnet run --project src/Bot -- [verb]

          (no verb)                 run the bot until stopped (Ctrl+C stops it)
          import <people.csv>       add or update people and groups; all or nothing
          import-placements <placements.csv>
                                    add or update work-based-learning placements and organizations; all or nothing
          invites [--role R] [--group G] [--person CODE] [--out FILE] [--days N]
                                    issue invite codes for people not yet linked (CSV to FILE or the screen);
                                    --person CODE gives one person a new code, even if already linked
          run-job <name>            run one scheduled job once, now; the running bot sends what it queues
                                    (run-job alone lists the jobs)
          demo [--script FILE] [--db PATH] [--start "YYYY-MM-DD HH:MM"]
                                    the offline sandbox: the whole bot on a fake Telegram over a demo college;
                                    chat as anyone in the terminal and move the clock (no token, no network)
          help                      this text

        Settings come from appsettings.json and environment variables such as Telegram__BotToken.
        """;

    public static Task<int> RunAsync(string[] args, Action<IHostApplicationBuilder> configure) =>
        RunAsync(args, configure, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, Action<IHostApplicationBuilder> configure, TextWriter output, TextWriter errors)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') ? null : args[0];
        var rest = verb is null ? args : args[1..];
        try
        {
            return verb switch
            {
                null => await RunBotAsync(args, configure, errors),
                "import" => await ImportVerb.PeopleAsync(rest, Build(configure), output, errors),
                "import-placements" => await ImportVerb.PlacementsAsync(rest, Build(configure), output, errors),
                "invites" => await InvitesVerb.RunAsync(rest, Build(configure), output, errors),
                "run-job" => await RunJobVerb.RunAsync(rest, Build(configure), output, errors),
                "demo" => await DemoVerb.RunAsync(rest, configure, Console.In, output, errors),
                "help" or "--help" or "-h" => Print(output, Usage, 0),
                _ => Print(errors, $"Unknown verb '{verb}'.\n\n{Usage}", 2),
            };
        }
        catch (OptionsValidationException ex)
        {
            // A verb's host is never started, so a wrong setting shows when the verb first reads it.
            return Print(errors, string.Join(Environment.NewLine, ex.Failures), 2);
        }
    }

    private static async Task<int> RunBotAsync(string[] args, Action<IHostApplicationBuilder> configure, TextWriter errors)
    {
        using var host = BuildBot(args, configure);
        if (string.IsNullOrWhiteSpace(host.Services.GetRequiredService<IConfiguration>()["Telegram:BotToken"]))
        {
            return Print(errors,
                "No bot token: set the environment variable Telegram__BotToken to the token BotFather gave you (see README.md).", 2);
        }

        var lifetime = host.Services.GetRequiredService<BotLifetime>();
        await host.RunAsync();
        return lifetime.FailureReason is null ? 0 : 2;
    }

    /// <summary>The bot's host: a web server only in webhook mode, so polling opens no port.</summary>
    public static IHost BuildBot(string[] args, Action<IHostApplicationBuilder> configure)
    {
        var webhook = Host.CreateApplicationBuilder(Settings(args)).Configuration.GetValue<TelegramMode>("Telegram:Mode") == TelegramMode.Webhook;
        IHostApplicationBuilder builder = webhook
            ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory })
            : Host.CreateApplicationBuilder(Settings(args));
        configure(builder);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return builder is WebApplicationBuilder web
            ? web.Build().MapTelegramWebhook()
            : ((HostApplicationBuilder)builder).Build();
    }

    /// <summary>
    /// appsettings.json is read from beside the program, so it is found whatever folder the program is started
    /// from; relative paths in settings (the SQLite file) stay relative to that folder.
    /// </summary>
    private static HostApplicationBuilderSettings Settings(string[] args) =>
        new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    /// <summary>A host for a verb: configured like the bot, never started, so no loop runs.</summary>
    private static IHost Build(Action<IHostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(Settings([]));
        configure(builder);
        return builder.Build();
    }

    internal static int Print(TextWriter writer, string text, int exitCode)
    {
        writer.WriteLine(text);
        return exitCode;
    }
}
