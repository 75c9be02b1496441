using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>Section <c>WorkBasedLearning</c>: when the diary's silent students and mentors are chased (DOMAIN.md §2).</summary>
public sealed class WorkBasedLearningOptions : IValidatableObject
{
    public const string SectionName = "WorkBasedLearning";

    /// <summary>Working days without a diary entry after which a student with an active placement is reminded.</summary>
    public int DiaryReminderAfterDays { get; set; } = 2;

    /// <summary>Days an entry may wait for the mentor's review before the mentor is reminded (then once a day).</summary>
    public int ReviewReminderAfterDays { get; set; } = 2;

    /// <summary>Days an entry may wait before the supervisor is told which mentor is silent.</summary>
    public int EscalateToSupervisorAfterDays { get; set; } = 5;

    /// <summary>Approved hours of volunteering at an organisation with a memorandum that count as practice (item 33).</summary>
    public int VolunteeringHoursForPractice { get; set; } = 40;

    /// <summary>Days after a placement's last day without the final review before the supervisor is told.</summary>
    public const int FinalReviewGraceDays = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        ValidationResult?[] ranges =
        [
            Range(DiaryReminderAfterDays, 1, 30),
            Range(ReviewReminderAfterDays, 1, 30),
            Range(EscalateToSupervisorAfterDays, 1, 60),
            Range(VolunteeringHoursForPractice, 1, 1000),
        ];
        foreach (var problem in ranges.OfType<ValidationResult>())
        {
            yield return problem;
        }

        if (EscalateToSupervisorAfterDays < ReviewReminderAfterDays)
        {
            yield return new(
                $"WorkBasedLearning:EscalateToSupervisorAfterDays ({EscalateToSupervisorAfterDays}) must not be less than " +
                $"WorkBasedLearning:ReviewReminderAfterDays ({ReviewReminderAfterDays}): the mentor is reminded before the supervisor is told.");
        }
    }

    private static ValidationResult? Range(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string key = "") =>
        value >= min && value <= max ? null : new($"{SectionName}:{key} is {value}; it must be a whole number from {min} to {max}.");
}
