namespace CollegeBot.Domain.People;

/// <summary>The roles a person may hold; one person may hold several.</summary>
[Flags]
public enum Roles
{
    None = 0,
    Student = 1,
    Parent = 2,
    Curator = 4,
    Teacher = 8,
    Mentor = 16,
    Supervisor = 32,
    Admin = 64,

    /// <summary>Marks commands open to anyone who has linked their account.</summary>
    AnyLinked = Student | Parent | Curator | Teacher | Mentor | Supervisor | Admin,
}

public static class RoleNames
{
    private static readonly (Roles Role, string Name)[] All =
    [
        (Roles.Student, "student"), (Roles.Parent, "parent"), (Roles.Curator, "curator"), (Roles.Teacher, "teacher"),
        (Roles.Mentor, "mentor"), (Roles.Supervisor, "supervisor"), (Roles.Admin, "admin"),
    ];

    /// <summary>The single roles, in the order they are shown to people.</summary>
    public static IEnumerable<Roles> Each => All.Select(r => r.Role);

    public static string NameOf(Roles role) =>
        All.FirstOrDefault(r => r.Role == role).Name ?? throw new ArgumentOutOfRangeException(nameof(role), role, "not a single role");

    public static bool TryParse(string? text, out Roles role)
    {
        var name = text?.Trim().ToLowerInvariant();
        role = All.FirstOrDefault(r => r.Name == name).Role;
        return role != Roles.None;
    }

    /// <summary>The single roles contained in <paramref name="roles"/>.</summary>
    public static IEnumerable<Roles> Split(Roles roles) => Each.Where(r => roles.HasFlag(r));
}
