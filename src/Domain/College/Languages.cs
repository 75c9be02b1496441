namespace CollegeBot.Domain.College;

/// <summary>The languages the bot speaks: Kyrgyz, Russian and English.</summary>
public static class Languages
{
    public const string Kyrgyz = "ky";
    public const string Russian = "ru";
    public const string English = "en";
    public const string Default = Kyrgyz;

    public static readonly IReadOnlyList<string> All = [Kyrgyz, Russian, English];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    /// <summary>Telegram's language_code ("ru", "en-US") reduced to one we speak, or null.</summary>
    public static string? FromTelegram(string? languageCode)
    {
        if (string.IsNullOrEmpty(languageCode))
        {
            return null;
        }

        var primary = languageCode.Split('-', '_')[0].ToLowerInvariant();
        return IsSupported(primary) ? primary : null;
    }
}
