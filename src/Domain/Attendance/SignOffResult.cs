using CollegeBot.Domain.People;

namespace CollegeBot.Domain.Attendance;

/// <summary>What came of signing off a catch-up. Every outcome but <see cref="SignedOff"/> changed nothing.</summary>
public abstract record SignOffResult
{
    private SignOffResult()
    {
    }

    /// <summary>Signed off; <paramref name="Unreached"/> are the people told who have not linked Telegram or blocked the bot.</summary>
    public sealed record SignedOff(Absence Absence, Person Student, IReadOnlyList<Person> Unreached) : SignOffResult;

    /// <summary>This catch-up was signed off before.</summary>
    public sealed record AlreadyDone(Absence Absence, Person Student) : SignOffResult;

    /// <summary>Nothing is waiting to be made up (on <paramref name="Date"/>, when one was given).</summary>
    public sealed record NoOpenCatchUp(Person Student, DateOnly? Date) : SignOffResult;

    public sealed record UnknownStudent(string Code) : SignOffResult;

    /// <summary>No absence has this id (a stale or forged button).</summary>
    public sealed record UnknownAbsence(long AbsenceId) : SignOffResult;

    /// <summary>The student is not in a group the signer curates.</summary>
    public sealed record NotYourStudent(Person Student) : SignOffResult;
}
