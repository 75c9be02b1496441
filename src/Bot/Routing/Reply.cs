using CollegeBot.Domain.Messaging;

namespace CollegeBot.Bot.Routing;

/// <summary>What a handler says back to the person who wrote: a message, and for a button press a short toast.</summary>
public sealed record Reply(OutgoingMessage? Message, Text? Toast = null)
{
    public static readonly Reply None = new((OutgoingMessage?)null);

    public static Reply With(Text text) => new(OutgoingMessage.Of(text));

    public static Reply With(string key) => With(Text.Of(key));

    public static Reply With(OutgoingMessage message) => new(message);

    /// <summary>Only a toast over the pressed button, no message.</summary>
    public static Reply ToastOnly(Text toast) => new(null, toast);
}
