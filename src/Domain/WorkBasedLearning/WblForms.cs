namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>The forms of work-based learning (DOMAIN.md §2, items 9, 17-43).</summary>
public enum WblForm
{
    Dual = 1,
    Practice = 2,
    Internship = 3,
    Apprenticeship = 4,
    Volunteering = 5,
}

/// <summary>The kinds of a practice (educational, production, pre-diploma, research) and of an internship (production, pedagogical).</summary>
public enum WblKind
{
    None = 0,
    Educational = 1,
    Production = 2,
    PreDiploma = 3,
    Research = 4,
    Pedagogical = 5,
}

/// <summary>The names of forms and kinds as placements.csv and the message keys write them, and which kinds each form takes.</summary>
public static class WblForms
{
    private static readonly (WblForm Form, string Name)[] Forms =
    [
        (WblForm.Dual, "dual"), (WblForm.Practice, "practice"), (WblForm.Internship, "internship"),
        (WblForm.Apprenticeship, "apprenticeship"), (WblForm.Volunteering, "volunteering"),
    ];

    private static readonly (WblKind Kind, string Name)[] Kinds =
    [
        (WblKind.Educational, "educational"), (WblKind.Production, "production"), (WblKind.PreDiploma, "pre-diploma"),
        (WblKind.Research, "research"), (WblKind.Pedagogical, "pedagogical"),
    ];

    public static IEnumerable<string> FormNames => Forms.Select(f => f.Name);

    public static string NameOf(WblForm form) => Forms.First(f => f.Form == form).Name;

    public static string NameOf(WblKind kind) => Kinds.First(k => k.Kind == kind).Name;

    public static bool TryParse(string text, out WblForm form)
    {
        var name = text.Trim().ToLowerInvariant();
        form = Forms.FirstOrDefault(f => f.Name == name).Form;
        return form != 0;
    }

    public static bool TryParse(string text, out WblKind kind)
    {
        var name = text.Trim().ToLowerInvariant();
        kind = Kinds.FirstOrDefault(k => k.Name == name).Kind;
        return kind != WblKind.None;
    }

    /// <summary>The kinds a form takes; empty when the form has none (the kind must then be left empty).</summary>
    public static IReadOnlyList<WblKind> KindsOf(WblForm form) => form switch
    {
        WblForm.Practice => [WblKind.Educational, WblKind.Production, WblKind.PreDiploma, WblKind.Research],
        WblForm.Internship => [WblKind.Production, WblKind.Pedagogical],
        _ => [],
    };
}
