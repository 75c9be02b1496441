using CsvHelper;

namespace CollegeBot.Domain.People.Invites;

/// <summary>The invites file an admin hands out: <c>code,role,full_name,group,invite_code,link</c>.</summary>
public static class InviteCsv
{
    public static readonly IReadOnlyList<string> Header = ["code", "role", "full_name", "group", "invite_code", "link"];

    public static async Task WriteAsync(TextWriter output, IEnumerable<IssuedInvite> invites, string botUsername, CancellationToken ct)
    {
        var bot = botUsername.Trim().TrimStart('@');
        ArgumentException.ThrowIfNullOrEmpty(bot, nameof(botUsername));

        // Names come from a roster; a spreadsheet must not run one that starts with '=' as a formula.
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. Header], ct);
        foreach (var invite in invites)
        {
            await csv.WriteRecordAsync(
                [invite.Code, invite.Roles, invite.FullName, invite.Group, invite.InviteCode, Link(bot, invite.InviteCode)], ct);
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>The deep link that opens the bot and sends <c>/start {code}</c>.</summary>
    public static string Link(string botUsername, string inviteCode) => $"https://t.me/{botUsername.TrimStart('@')}?start={inviteCode}";
}
