using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;

namespace CollegeBot.Bot.Commands;

/// <summary>A text a flow asks a person to type (a reason, a comment, a review): present, and not longer than a limit.</summary>
internal static class TypedAnswer
{
    /// <returns>The trimmed text, or null with <paramref name="retry"/> set to what asks for it again.</returns>
    public static string? Read(CommandContext ctx, int max, string againKey, string tooLongKey, out Reply retry)
    {
        var text = ctx.Arguments.Trim();
        retry = text.Length == 0 ? Reply.With(againKey)
            : text.Length > max ? Reply.With(Text.Of(tooLongKey).With("max", max))
            : Reply.None;
        return text.Length is > 0 && text.Length <= max ? text : null;
    }
}
