namespace CollegeBot.Domain.People;

/// <summary>
/// Anyone the bot knows: students, parents, staff and mentors. People come from the roster import and link
/// their Telegram account through an invite code.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>The person's unique code (student card or staff number); it joins rows and files.</summary>
    public required string Code { get; set; }

    public required string FullName { get; set; }
    public string? Phone { get; set; }

    /// <summary>ky, ru or en; null means the college default.</summary>
    public string? Language { get; set; }

    public Roles Roles { get; set; }

    /// <summary>A student's group.</summary>
    public int? GroupId { get; set; }
    public Group? Group { get; set; }

    public long? TelegramUserId { get; set; }

    /// <summary>The private chat with the bot; equals the user id in Telegram today, kept apart to follow migrations.</summary>
    public long? ChatId { get; set; }

    public DateTime? LinkedAt { get; set; }

    /// <summary>Set when the person blocked the bot; cleared when they unblock it.</summary>
    public DateTime? BlockedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<GroupCurator> CuratedGroups { get; set; } = [];
    public List<ParentChild> Children { get; set; } = [];

    /// <summary>This student's parents (for a student).</summary>
    public List<ParentChild> Parents { get; set; } = [];

    /// <summary>The flow this person is in, if any; see <see cref="Messaging.Conversations"/>.</summary>
    public Messaging.Conversation? Conversation { get; set; }

    public bool Has(Roles role) => (Roles & role) != 0;

    /// <summary>Links this person to a Telegram account and its private chat (and forgets an earlier block).</summary>
    public void LinkTo(long telegramUserId, long chatId, DateTime now)
    {
        TelegramUserId = telegramUserId;
        ChatId = chatId;
        LinkedAt = now;
        BlockedAt = null;
        UpdatedAt = now;
    }

    public bool IsLinked => TelegramUserId is not null;
}

public sealed class Group
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>A curator curates one or more groups.</summary>
public sealed class GroupCurator
{
    public int GroupId { get; set; }
    public Group? Group { get; set; }
    public int CuratorId { get; set; }
    public Person? Curator { get; set; }
}

/// <summary>A parent of a student; a parent may have several children and a student several parents.</summary>
public sealed class ParentChild
{
    public int ParentId { get; set; }
    public Person? Parent { get; set; }
    public int ChildId { get; set; }
    public Person? Child { get; set; }
}
