namespace CollegeBot.Domain.Messaging;

public static class OutboxPriority
{
    public const int Reply = 0;
    public const int Notification = 1;
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>The recipient blocked the bot or deleted their account.</summary>
    Blocked = 2,

    /// <summary>Given up after the allowed attempts, or refused by Telegram for good; the reason is in LastError.</summary>
    Failed = 3,

    /// <summary>The recipient has not linked Telegram yet; sent when they link, if still meaningful.</summary>
    AwaitingLink = 4,

    /// <summary>No longer worth sending (it waited for a link, and what it spoke of is closed); the reason is in LastError.</summary>
    Dropped = 5,
}

/// <summary>
/// A message waiting to be sent. Written in the same transaction as the change that caused it; rendered in the
/// recipient's language when sent. A unique <see cref="DedupeKey"/> makes a repeated job run harmless.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The person it is for; null for replies to someone not linked yet (then <see cref="ChatId"/> is set).</summary>
    public int? PersonId { get; set; }

    public long? ChatId { get; set; }

    /// <summary>The language to render in when there is no person to ask.</summary>
    public string? Language { get; set; }

    /// <summary>What the message is (reply, absence-recorded, ...): for logs, statistics and quiet hours.</summary>
    public required string Kind { get; set; }

    /// <summary>The <see cref="OutgoingMessage"/> as JSON.</summary>
    public required string Payload { get; set; }

    public string? DedupeKey { get; set; }

    /// <summary>The absence the message is about, if any: it decides whether a message that waited is still worth sending.</summary>
    public long? AbsenceId { get; set; }
    public Attendance.Absence? Absence { get; set; }

    /// <summary>
    /// Lower goes first into a chat: the answer to what a person just did comes before notifications queued
    /// earlier (a parent who links sees the welcome before the news that waited for them).
    /// </summary>
    public int Priority { get; set; } = OutboxPriority.Notification;

    /// <summary>Not sent before this instant (quiet hours, retry back-off).</summary>
    public DateTime NotBefore { get; set; }

    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>How many pieces of a long message already went out, so a retry does not repeat them.</summary>
    public int PiecesSent { get; set; }

    /// <summary>The Telegram id of the (last) message sent, to edit it later.</summary>
    public int? TelegramMessageId { get; set; }
}
