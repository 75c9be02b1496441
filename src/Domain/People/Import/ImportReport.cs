namespace CollegeBot.Domain.People.Import;

/// <summary>What is wrong with one line of people.csv, for the admin's console.</summary>
/// <param name="Line">The line in the file, the header being line 1.</param>
public sealed record ImportError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>The outcome of an import: either errors and no change at all, or the counts of what changed.</summary>
public sealed record ImportReport(IReadOnlyList<ImportError> Errors, int Created, int Updated, int Unchanged, int GroupsCreated)
{
    public bool Succeeded => Errors.Count == 0;

    internal static ImportReport Failed(IEnumerable<ImportError> errors) =>
        new([.. errors.OrderBy(e => e.Line)], 0, 0, 0, 0);
}
