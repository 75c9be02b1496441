using CollegeBot.Bot.Telegram;
using CollegeBot.Domain.People.Invites;
using CollegeBot.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Cli;

/// <summary>
/// <c>invites [--role R] [--group G] [--person CODE] [--out FILE] [--days N]</c>: a fresh personal link for everyone
/// not yet linked; <c>--person</c> also serves someone already linked who lost their phone (the link then moves).
/// The link needs the bot's username: <c>Telegram:BotUsername</c>, or asked from Telegram when a token is set.
/// </summary>
public static class InvitesVerb
{
    public static async Task<int> RunAsync(string[] args, IHost host, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        using (host)
        {
            if (!TryParse(args, out var filter, out var file, out var days, out var problem))
            {
                return Verbs.Print(errors, $"{problem}\nUsage: invites [--role R] [--group G] [--person CODE] [--out FILE] [--days N]", 2);
            }

            var username = await BotUsernameAsync(host.Services, errors, ct);
            if (username is null)
            {
                return 2;
            }

            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<InviteIssuer>().IssueAsync(filter, days, ct);
            if (!result.Succeeded)
            {
                return Verbs.Print(errors, result.Error!, 1);
            }

            if (file is null)
            {
                await InviteCsv.WriteAsync(output, result.Invites, username, ct);
            }
            else
            {
                await using var writer = new StreamWriter(file);
                await InviteCsv.WriteAsync(writer, result.Invites, username, ct);
            }

            return Verbs.Print(errors,
                $"{result.Invites.Count} invite(s) issued, valid {days} days{(file is null ? "" : $", written to {file}")}. Earlier unused invites of these people no longer work.", 0);
        }
    }

    private static bool TryParse(string[] args, out InviteFilter filter, out string? file, out int days, out string problem)
    {
        string? role = null, group = null, person = null;
        file = null;
        days = InviteIssuer.DefaultValidDays;
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null: role = value; i++; break;
                case "--group" when value is not null: group = value; i++; break;
                case "--person" when value is not null: person = value; i++; break;
                case "--out" when value is not null: file = value; i++; break;
                case "--days" when int.TryParse(value, out var d) && d is > 0 and <= 365: days = d; i++; break;
                default:
                    problem = $"Cannot read '{args[i]}'{(value is null ? " (a value is missing)" : "")}.";
                    filter = InviteFilter.Everyone;
                    return false;
            }
        }

        filter = new InviteFilter(role, group, person);
        return true;
    }

    private static async Task<string?> BotUsernameAsync(IServiceProvider services, TextWriter errors, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.BotUsername))
        {
            return options.BotUsername.TrimStart('@');
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            Verbs.Print(errors, "The links need the bot's username: set Telegram__BotUsername, or Telegram__BotToken so it can be asked from Telegram.", 2);
            return null;
        }

        try
        {
            return (await services.GetRequiredService<BotApiClient>().GetMeAsync(ct)).Username;
        }
        catch (Exception ex) when (ex is ApiRequestException or BotApiNetworkException)
        {
            Verbs.Print(errors, $"Could not ask Telegram for the bot's username ({ex.Message}); set Telegram__BotUsername instead.", 2);
            return null;
        }
    }
}
