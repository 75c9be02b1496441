using CollegeBot.Domain.People;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>
/// A student sent to work-based learning (DOMAIN.md §2): the form and kind, the employer, the workplace mentor who
/// reviews the diary, the university's supervisor who watches over it, and the dates. At the end the mentor writes the
/// final review (көз караш) and characterization (мүнөздөмө) and gives a final grade.
/// </summary>
public sealed class Placement
{
    public int Id { get; set; }

    public int StudentId { get; set; }
    public Person? Student { get; set; }

    public WblForm Form { get; set; }

    /// <summary>The kind of a practice or internship; <see cref="WblKind.None"/> for the other forms.</summary>
    public WblKind Kind { get; set; }

    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public int MentorId { get; set; }
    public Person? Mentor { get; set; }

    public int SupervisorId { get; set; }
    public Person? Supervisor { get; set; }

    /// <summary>The first and the last day, college calendar; both belong to the placement.</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    public int? PlannedHours { get; set; }
    public string? ContractNo { get; set; }
    public string? OrderNo { get; set; }

    /// <summary>The mentor's final review (көз караш); shown escaped.</summary>
    public string? FinalReview { get; set; }

    /// <summary>The mentor's characterization of the student (мүнөздөмө); shown escaped.</summary>
    public string? Characterization { get; set; }

    public int? FinalGrade { get; set; }

    /// <summary>When the mentor sent the final review, characterization and grade.</summary>
    public DateTime? FinalAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && day <= EndsOn;

    public bool HasFinal => FinalAt is not null;
}

/// <summary>An employer or a volunteer organisation, known by its name.</summary>
public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Has a cooperation memorandum with the university: volunteering there can count as practice (item 33).</summary>
    public bool HasMemorandum { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
