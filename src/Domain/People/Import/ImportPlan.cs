namespace CollegeBot.Domain.People.Import;

/// <summary>Everything the file says about one person, gathered from all the rows with their code.</summary>
internal sealed class PlannedPerson(string code, int line, string fullName)
{
    public string Code { get; } = code;

    /// <summary>The first row with this code, which later rows are checked against.</summary>
    public int Line { get; } = line;

    public string FullName { get; } = fullName;
    public string? Phone { get; set; }
    public int PhoneLine { get; set; }
    public string? Language { get; set; }
    public int LanguageLine { get; set; }
    public Roles Roles { get; set; }
    public Dictionary<Roles, int> RoleLines { get; } = [];
    public string? StudentGroup { get; set; }
    public List<string> CuratedGroups { get; } = [];
    public List<string> ChildCodes { get; } = [];
    public int ParentLine { get; set; }
}

/// <summary>Joins the rows of one code into one person and checks that the rows agree with each other.</summary>
internal static class ImportPlan
{
    public static Dictionary<string, PlannedPerson> Merge(IEnumerable<PeopleCsvRow> rows, List<ImportError> errors, ISet<string> refusedCodes)
    {
        var people = new Dictionary<string, PlannedPerson>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!people.TryGetValue(row.Code, out var person))
            {
                person = new PlannedPerson(row.Code, row.Line, row.FullName);
                people.Add(row.Code, person);
            }

            var before = errors.Count;
            Check(person, row, errors);
            if (errors.Count == before)
            {
                Add(person, row);
            }
            else
            {
                refusedCodes.Add(row.Code);
            }
        }

        return people;
    }

    private static void Check(PlannedPerson person, PeopleCsvRow row, List<ImportError> errors)
    {
        var code = row.Code;
        if (!string.Equals(person.FullName, row.FullName, StringComparison.Ordinal))
        {
            errors.Add(new(row.Line, $"{code} is named '{person.FullName}' on line {person.Line} but '{row.FullName}' here"));
        }

        if (person.RoleLines.TryGetValue(row.Role, out var roleLine))
        {
            errors.Add(new(row.Line, $"{code} is already a {RoleNames.NameOf(row.Role)} on line {roleLine}"));
        }

        // An empty cell says nothing, so it agrees with any value on another row.
        if (row.Phone is not null && person.Phone is not null && row.Phone != person.Phone)
        {
            errors.Add(new(row.Line, $"{code} has phone {person.Phone} on line {person.PhoneLine} but {row.Phone} here"));
        }

        if (row.Language is not null && person.Language is not null && row.Language != person.Language)
        {
            errors.Add(new(row.Line, $"{code} has language {person.Language} on line {person.LanguageLine} but {row.Language} here"));
        }
    }

    private static void Add(PlannedPerson person, PeopleCsvRow row)
    {
        person.Roles |= row.Role;
        person.RoleLines[row.Role] = row.Line;
        if (row.Phone is not null && person.Phone is null)
        {
            (person.Phone, person.PhoneLine) = (row.Phone, row.Line);
        }

        if (row.Language is not null && person.Language is null)
        {
            (person.Language, person.LanguageLine) = (row.Language, row.Line);
        }

        switch (row.Role)
        {
            case Roles.Student:
                person.StudentGroup = row.Groups[0];
                break;
            case Roles.Curator:
                person.CuratedGroups.AddRange(row.Groups);
                break;
            case Roles.Parent:
                person.ChildCodes.AddRange(row.Students);
                person.ParentLine = row.Line;
                break;
        }
    }

    /// <summary>
    /// Each parent's children must be students once the file is applied: a student row in this file, or a student
    /// already in the database whom the file does not mention. A child whose own row was refused is not judged
    /// again here: that row's error already says what is wrong.
    /// </summary>
    public static void CheckChildren(
        IReadOnlyDictionary<string, PlannedPerson> people, IReadOnlyDictionary<string, Person> existing,
        IReadOnlySet<string> refusedCodes, List<ImportError> errors)
    {
        foreach (var parent in people.Values.Where(p => p.ChildCodes.Count > 0))
        {
            foreach (var child in parent.ChildCodes.Where(c => !refusedCodes.Contains(c)))
            {
                var problem = people.TryGetValue(child, out var planned)
                    ? planned.Roles.HasFlag(Roles.Student) ? null : $"child {child} is in this file but not as a student"
                    : existing.TryGetValue(child, out var known)
                        ? known.Has(Roles.Student) ? null : $"child {child} is not a student"
                        : $"child {child} is not a student in this file or in the database";
                if (problem is not null)
                {
                    errors.Add(new(parent.ParentLine, problem));
                }
            }
        }
    }
}
