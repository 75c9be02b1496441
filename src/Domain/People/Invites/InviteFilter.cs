namespace CollegeBot.Domain.People.Invites;

/// <summary>Whom to issue invites for, as an admin types it: a role name, a group name and a person's code, each optional.</summary>
/// <param name="Person">
/// One person by code. Unlike the other filters it also takes a person who is linked already, so that a new code
/// can move their link to another Telegram account (a lost phone).
/// </param>
public sealed record InviteFilter(string? Role = null, string? Group = null, string? Person = null)
{
    public static InviteFilter Everyone { get; } = new();
}

/// <summary>One line of the invites file: one person, all their roles, one code.</summary>
/// <param name="Roles">The person's role names joined by <c>|</c>.</param>
/// <param name="Group">The groups the person is tied to (their own, those they curate, their children's), joined by <c>|</c>.</param>
/// <param name="InviteCode">The code in clear; only its hash is stored, so this is the only time it can be seen.</param>
public sealed record IssuedInvite(string Code, string Roles, string FullName, string Group, string InviteCode);

/// <summary>The invites issued, or why none were.</summary>
public sealed record IssueResult(IReadOnlyList<IssuedInvite> Invites, string? Error)
{
    public bool Succeeded => Error is null;

    internal static IssueResult Failed(string error) => new([], error);
}
