using CollegeBot.Bot.Telegram;

namespace CollegeBot.Bot.Routing;

/// <summary>Reads <c>/name@BotName arguments</c> from a message, as Telegram marks it with a bot_command entity.</summary>
public static class CommandText
{
    public static bool TryParse(Message message, string? botUsername, out string command, out string arguments)
    {
        command = "";
        arguments = "";
        var text = message.Text;
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return false;
        }

        var end = text.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? text[1..] : text[1..end];
        arguments = end < 0 ? "" : text[(end + 1)..].Trim();
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            var addressee = head[(at + 1)..];
            if (botUsername is not null && !addressee.Equals(botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            head = head[..at];
        }

        command = head.ToLowerInvariant();
        return command.Length > 0;
    }
}
