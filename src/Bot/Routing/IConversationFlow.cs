using CollegeBot.Domain.Messaging;

namespace CollegeBot.Bot.Routing;

/// <summary>
/// A multi-step flow: while a person is in it, their plain messages (text, a photo, a file) come here instead of
/// being answered "use a command". Any command leaves the flow; /cancel leaves it explicitly.
/// </summary>
public interface IConversationFlow
{
    /// <summary>The name stored in the person's <see cref="Conversation"/>.</summary>
    string Flow { get; }

    Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct);
}
