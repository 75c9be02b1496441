using CollegeBot.Domain.People;

namespace CollegeBot.Domain.Attendance;

/// <summary>What came of sending an excuse. Every outcome but <see cref="Submitted"/> changed nothing.</summary>
public abstract record SubmitResult
{
    private SubmitResult()
    {
    }

    /// <summary>Waiting for the curators, who have it in their chats with the proof and the buttons.</summary>
    public sealed record Submitted(Excuse Excuse, Absence Absence) : SubmitResult;

    /// <summary>No absence of this student has this id (a stale or forged button).</summary>
    public sealed record UnknownAbsence(long AbsenceId) : SubmitResult;

    /// <summary>More than <paramref name="Days"/> days have passed since the absence.</summary>
    public sealed record TooLate(Absence Absence, int Days) : SubmitResult;

    public sealed record AlreadyExcused(Absence Absence) : SubmitResult;

    /// <summary>An excuse for this absence is already waiting for the curator.</summary>
    public sealed record AlreadyPending(Absence Absence) : SubmitResult;

    /// <summary>The reason is not (or no longer) one of <c>Attendance:ExcuseReasons</c>.</summary>
    public sealed record UnknownReason(string Code) : SubmitResult;

    /// <summary>The student's group has no curator, so nobody could decide.</summary>
    public sealed record NoCurator : SubmitResult;
}

/// <summary>What came of a curator's decision on an excuse. Only <see cref="Approved"/> and <see cref="Rejected"/> changed something.</summary>
public abstract record ReviewResult
{
    private ReviewResult()
    {
    }

    /// <summary>The absence is excused; <paramref name="Unreached"/> are the people told who have not linked or blocked the bot.</summary>
    public sealed record Approved(Excuse Excuse, Absence Absence, Person Student, IReadOnlyList<Person> Unreached) : ReviewResult;

    public sealed record Rejected(Excuse Excuse, Absence Absence, Person Student) : ReviewResult;

    /// <summary>Still pending and the curator may decide it (nothing decided yet).</summary>
    public sealed record Open(Excuse Excuse, Absence Absence, Person Student) : ReviewResult;

    /// <summary>Approved or rejected before (by this or another curator).</summary>
    public sealed record AlreadyDecided(Excuse Excuse, Person Student) : ReviewResult;

    /// <summary>The student is not in a group the curator curates.</summary>
    public sealed record NotYourStudent(Person Student) : ReviewResult;

    /// <summary>No excuse has this id (a stale or forged button).</summary>
    public sealed record UnknownExcuse(long ExcuseId) : ReviewResult;
}
