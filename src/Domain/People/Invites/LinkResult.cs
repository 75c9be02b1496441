namespace CollegeBot.Domain.People.Invites;

/// <summary>What came of sending an invite code; only <see cref="Linked"/> consumes the code.</summary>
public abstract record LinkResult
{
    private LinkResult()
    {
    }

    /// <summary>The account is now the person's.</summary>
    /// <param name="PreviousTelegramUserId">The account the person was linked to before (a lost phone), if any.</param>
    public sealed record Linked(Person Person, long? PreviousTelegramUserId) : LinkResult;

    /// <summary>This account already belongs to the code's person; the code is left as it was.</summary>
    public sealed record AlreadyLinked(Person Person) : LinkResult;

    /// <summary>This account belongs to another person; nothing changes. Said whatever the code is, so it reveals nothing about it.</summary>
    public sealed record AccountLinkedToSomeoneElse : LinkResult;

    /// <summary>No such code, or text that cannot be a code.</summary>
    public sealed record UnknownCode : LinkResult;

    /// <summary>The code has been used already.</summary>
    public sealed record UsedCode : LinkResult;

    /// <summary>The code's time ran out, or a newer code was issued for the person, which revoked it.</summary>
    public sealed record ExpiredCode : LinkResult;

    /// <summary>Too many wrong codes from this account; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record TooManyAttempts(TimeSpan RetryAfter) : LinkResult;
}
