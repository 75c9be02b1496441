namespace CollegeBot.Domain.People;

/// <summary>
/// A single-use, expiring code that links a Telegram account to a person. Only a hash of the code is stored,
/// so a copy of the database cannot be used to take over accounts.
/// </summary>
public sealed class InviteCode
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public long? UsedByTelegramUserId { get; set; }

    /// <summary>Set when a newer code was issued for the same person.</summary>
    public DateTime? RevokedAt { get; set; }
}

/// <summary>Wrong invite codes sent from one Telegram account, to slow down guessing.</summary>
public sealed class LinkAttempt
{
    public long TelegramUserId { get; set; }
    public int Failures { get; set; }
    public DateTime WindowStartedAt { get; set; }
    public DateTime? LockedUntil { get; set; }
}
