using System.ComponentModel.DataAnnotations;

namespace CollegeBot.Domain.College;

/// <summary>The college's calendar and language settings (section <c>College</c>).</summary>
public sealed class CollegeOptions : IValidatableObject
{
    public const string SectionName = "College";

    public string TimeZone { get; set; } = "Asia/Bishkek";
    public string DefaultLanguage { get; set; } = Languages.Default;

    /// <summary><c>HH:mm-HH:mm</c> in college time; empty for none.</summary>
    public string QuietHours { get; set; } = "21:00-08:00";

    public List<DateOnly> Holidays { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new($"College:TimeZone '{TimeZone}' is not a known time zone (use an IANA name such as Asia/Bishkek).");
        }

        if (!Languages.IsSupported(DefaultLanguage))
        {
            yield return new($"College:DefaultLanguage '{DefaultLanguage}' must be one of: {string.Join(", ", Languages.All)}.");
        }

        if (!College.QuietHours.TryParse(QuietHours, out _))
        {
            yield return new($"College:QuietHours '{QuietHours}' must look like 21:00-08:00, or be empty for none.");
        }
    }
}

/// <summary>A daily window of college time during which non-urgent messages wait.</summary>
public readonly record struct QuietHours(TimeOnly From, TimeOnly To)
{
    public static bool TryParse(string? text, out QuietHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", out var from)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", out var to)
            && from != to)
        {
            hours = new QuietHours(from, to);
            return true;
        }

        return false;
    }

    public bool Contains(TimeOnly time) => From < To ? time >= From && time < To : time >= From || time < To;
}
