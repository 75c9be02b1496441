namespace CollegeBot.Domain.Intake;

/// <summary>
/// A Telegram update as received, stored before it is confirmed to Telegram, so that a crash loses nothing;
/// <see cref="HandledAt"/> is set in the same transaction as the handler's changes, so nothing is handled twice.
/// </summary>
public sealed class InboxUpdate
{
    /// <summary>Telegram's update_id: the key that makes a repeated delivery harmless.</summary>
    public long UpdateId { get; set; }

    public long? ChatId { get; set; }
    public long? FromUserId { get; set; }
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? HandledAt { get; set; }

    /// <summary>What went wrong when the handler failed (the update is then handled with an apology).</summary>
    public string? Error { get; set; }
}
