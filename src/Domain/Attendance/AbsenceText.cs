using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Domain.Attendance;

/// <summary>The words every message about an absence shares: whose, which day, how many hours, which subject.</summary>
public static class AbsenceText
{
    public static Text Describe(string key, Absence absence, Person student) =>
        Text.Of(key)
            .With("student", student.FullName)
            .With("date", absence.Date)
            .With("hours", absence.Hours)
            .WithSubject(absence);

    /// <summary>" (Mathematics)" after the date, or nothing when the curator gave no subject.</summary>
    public static Text WithSubject(this Text text, Absence absence) =>
        absence.Subject is null
            ? text.With("subject", "")
            : text.With("subject", Text.Of("absence.subject").With("subject", absence.Subject));
}
