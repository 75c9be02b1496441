using CollegeBot.Domain.College;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace CollegeBot.Bot.Texts.Humanizing;

/// <summary>
/// English dates as the bot says them: "in 3 days" and "today" where Humanizer says "3 days from now" and "now".
/// Everything but dates relative to now is Humanizer's own English.
/// </summary>
internal sealed class EnglishTimeWords : IFormatter
{
    private static readonly Dictionary<TimeUnit, Noun> Nouns = new()
    {
        [TimeUnit.Millisecond] = new("one millisecond", "milliseconds"),
        [TimeUnit.Second] = new("one second", "seconds"),
        [TimeUnit.Minute] = new("a minute", "minutes"),
        [TimeUnit.Hour] = new("an hour", "hours"),
        [TimeUnit.Day] = new("a day", "days"),
        [TimeUnit.Week] = new("a week", "weeks"),
        [TimeUnit.Month] = new("a month", "months"),
        [TimeUnit.Year] = new("a year", "years"),
    };

    private readonly DefaultFormatter english = new(Languages.English);

    public string DateHumanize_Now() => english.DateHumanize_Now();

    public string DateHumanize_Never() => english.DateHumanize_Never();

    public string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit)
    {
        var future = timeUnitTense == Tense.Future;
        if (unit == 0)
        {
            return timeUnit == TimeUnit.Day ? "today" : DateHumanize_Now();
        }

        if (unit == 1 && timeUnit == TimeUnit.Day)
        {
            return future ? "tomorrow" : "yesterday";
        }

        var noun = Nouns[timeUnit];
        var amount = unit == 1 ? noun.One : $"{unit} {noun.Many}";
        return future ? $"in {amount}" : $"{amount} ago";
    }

    public string TimeSpanHumanize_Zero() => english.TimeSpanHumanize_Zero();

    public string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false) =>
        english.TimeSpanHumanize(timeUnit, unit, toWords);

    public string TimeUnitHumanize(TimeUnit timeUnit) => english.TimeUnitHumanize(timeUnit);

    public string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true) =>
        english.DataUnitHumanize(dataUnit, count, toSymbol);

    private sealed record Noun(string One, string Many);
}
