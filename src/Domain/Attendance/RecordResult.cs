using CollegeBot.Domain.People;

namespace CollegeBot.Domain.Attendance;

/// <summary>What came of reporting an absence. Every outcome but <see cref="Recorded"/> changed nothing.</summary>
public abstract record RecordResult
{
    private RecordResult()
    {
    }

    /// <summary>Recorded; <paramref name="Unreached"/> are the people told who have not linked Telegram yet.</summary>
    public sealed record Recorded(Absence Absence, Person Student, IReadOnlyList<Person> Unreached) : RecordResult;

    /// <summary>The same student, day and subject was reported before; its hours are not counted twice.</summary>
    public sealed record AlreadyRecorded(Absence Absence, Person Student) : RecordResult;

    public sealed record UnknownStudent(string Code) : RecordResult;

    /// <summary>The student is not in a group the curator curates.</summary>
    public sealed record NotYourStudent(Person Student) : RecordResult;

    public sealed record DateInFuture(DateOnly Date) : RecordResult;

    public sealed record DateTooOld(DateOnly Date, int MaxBackdateDays) : RecordResult;
}
