using CollegeBot.Domain.People;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>How a diary entry was saved.</summary>
public enum DiarySave
{
    /// <summary>The day's first entry.</summary>
    New,

    /// <summary>A second message the same day, added to the day's entry.</summary>
    Appended,

    /// <summary>The text replaced (the Edit button).</summary>
    Edited,
}

/// <summary>What came of a student's diary message. Every outcome but <see cref="Saved"/> changed nothing.</summary>
public abstract record DiaryResult
{
    private DiaryResult()
    {
    }

    /// <summary>Saved and on its way to the mentor.</summary>
    public sealed record Saved(DiaryEntry Entry, Placement Placement, DiarySave How) : DiaryResult;

    /// <summary>The student has no placement today.</summary>
    public sealed record NoPlacement : DiaryResult;

    public sealed record Empty : DiaryResult;

    /// <summary>The entry would be longer than <paramref name="Max"/> characters.</summary>
    public sealed record TooLong(int Max, int Length) : DiaryResult;

    /// <summary>The mentor has graded the entry: it no longer changes.</summary>
    public sealed record AlreadyReviewed(DiaryEntry Entry) : DiaryResult;

    /// <summary>No entry of this student has this id (a stale or forged button).</summary>
    public sealed record UnknownEntry : DiaryResult;
}

/// <summary>What came of a mentor's button or comment. Only <see cref="Graded"/>, <see cref="Returned"/> and <see cref="Commented"/> changed something.</summary>
public abstract record DiaryReviewResult
{
    private DiaryReviewResult()
    {
    }

    public sealed record Graded(DiaryEntry Entry, Person Student) : DiaryReviewResult;

    public sealed record Returned(DiaryEntry Entry, Person Student) : DiaryReviewResult;

    public sealed record Commented(DiaryEntry Entry, Person Student) : DiaryReviewResult;

    /// <summary>Waiting for this mentor's review, as the button saw it (nothing decided yet).</summary>
    public sealed record Open(DiaryEntry Entry, Person Student) : DiaryReviewResult;

    /// <summary>Graded or returned before, by a press of this button or another.</summary>
    public sealed record AlreadyReviewed(DiaryEntry Entry, Person Student) : DiaryReviewResult;

    /// <summary>The student changed the entry since the button was sent; the newer version has buttons of its own.</summary>
    public sealed record Changed(DiaryEntry Entry, Person Student) : DiaryReviewResult;

    /// <summary>Not an entry of this mentor's mentees, or no such entry (a forged or stale button).</summary>
    public sealed record NotYours : DiaryReviewResult;
}
