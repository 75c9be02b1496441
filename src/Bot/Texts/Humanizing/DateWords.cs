using System.Globalization;
using CollegeBot.Domain.College;
using Humanizer.Configuration;
using Humanizer.Localisation;

namespace CollegeBot.Bot.Texts.Humanizing;

/// <summary>
/// Dates in words in the bot's languages: "Tue 25 Nov, in 3 days", "ср 25 нояб., через 3 дня",
/// "шарш. 25 ноя., 3 күндөн кийин". Humanizer.Core carries English resources only, so the words for ru and ky
/// are ours; they are registered with Humanizer so that <c>DateTime.Humanize(culture: ru)</c> and
/// <c>TimeSpan.Humanize(culture: ky)</c> work anywhere in the program, not only here. English is ours too, to say
/// "in 3 days" and "today" rather than Humanizer's "3 days from now" and "now".
/// </summary>
public static class DateWords
{
    static DateWords()
    {
        // Humanizer's registry is a plain dictionary, not safe to write while another thread reads it. The runtime
        // runs this constructor exactly once, under its type-initialisation lock, and nothing of ours reads the
        // registry before it has finished; afterwards the registry is only read.
        Configurator.Formatters.Register(Languages.English, new EnglishTimeWords());
        Configurator.Formatters.Register(Languages.Russian, new RussianTimeWords());
        Configurator.Formatters.Register(Languages.Kyrgyz, new KyrgyzTimeWords());
    }

    /// <summary>
    /// Registers our words with Humanizer. Idempotent and thread-safe: the work is done once, by the static
    /// constructor, which the first call (or the first use of this class) runs.
    /// </summary>
    public static void Register()
    {
    }

    /// <summary>The short date, with the year only when it is not this year, and its distance from today in words.</summary>
    public static string DateWithDistance(DateOnly date, DateOnly today, CultureInfo culture)
    {
        var shortDate = date.ToString(date.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", culture);
        return $"{shortDate}, {Distance(date, today, culture)}";
    }

    /// <summary>
    /// "today", "tomorrow", "yesterday", "in 3 days", "5 days ago". Always counted in days, however far: a due date
    /// is something people count down in days, the date beside the words already tells the month, and weeks or
    /// months would round ("in 2 weeks" for 17 days, "in one month" for 29 to 44). The count is of calendar days
    /// between two dates, not of elapsed hours, so a task due tomorrow is "tomorrow" at 08:00 and at 23:00 alike.
    /// </summary>
    public static string Distance(DateOnly date, DateOnly today, CultureInfo culture)
    {
        var days = date.DayNumber - today.DayNumber;
        var tense = days < 0 ? Tense.Past : Tense.Future;

        // Zero days is "today" in our formatters; Humanizer's own strategies never ask for zero days.
        return Configurator.Formatters.ResolveForCulture(culture).DateHumanize(TimeUnit.Day, tense, Math.Abs(days));
    }
}
