namespace CollegeBot.Domain.Messaging;

/// <summary>
/// Where a person is in a multi-step flow (the /absent buttons, an excuse, a diary entry): the next plain message
/// or button press of theirs goes to that flow. One per person; it expires so a forgotten flow does not linger.
/// </summary>
public sealed class Conversation
{
    public int PersonId { get; set; }
    public required string Flow { get; set; }
    public required string Step { get; set; }

    /// <summary>The flow's own state as JSON.</summary>
    public required string Data { get; set; }

    public DateTime ExpiresAt { get; set; }
}
