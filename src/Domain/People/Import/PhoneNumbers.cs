namespace CollegeBot.Domain.People.Import;

/// <summary>Phone numbers as the college writes them, reduced to one stored form (<c>+996555123456</c>).</summary>
/// <remarks>
/// Kyrgyz numbers must be complete (+996 and 9 digits), since most people here have one. Other countries'
/// numbers (a parent working in Kazakhstan or Russia) are accepted in international form, + and 7 to 15 digits,
/// without checking each country's plan. A number without + is refused rather than guessed at.
/// </remarks>
public static class PhoneNumbers
{
    private const string KyrgyzPrefix = "+996";
    private const int KyrgyzDigits = 9;
    private const int MinDigits = 7;
    private const int MaxDigits = 15;

    public static bool TryNormalize(string? text, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string([.. text.Where(c => !IsSeparator(c))]);
        if (compact.Length < 2 || compact[0] != '+' || !compact.Skip(1).All(char.IsAsciiDigit))
        {
            return false;
        }

        var valid = compact.StartsWith(KyrgyzPrefix, StringComparison.Ordinal)
            ? compact.Length == KyrgyzPrefix.Length + KyrgyzDigits
            : compact.Length - 1 is >= MinDigits and <= MaxDigits;
        if (valid)
        {
            phone = compact;
        }

        return valid;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '(' or ')' or '.' or '\u00A0' or '\t';
}
