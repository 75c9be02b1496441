using System.Globalization;
using CollegeBot.Domain.College;
using Humanizer;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace CollegeBot.Bot.Texts.Humanizing;

/// <summary>
/// Russian for Humanizer's date and time-span phrases: "через 3 дня", "21 день назад", "завтра", "2 недели".
/// A number takes the noun's one/few/many form (1 день, 2 дня, 5 дней, 11 дней, 21 день); after "через" and
/// before "назад" a feminine noun in the singular is accusative ("через минуту", "21 неделю назад").
/// </summary>
internal sealed class RussianTimeWords : IFormatter
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    private static readonly Dictionary<TimeUnit, Noun> Nouns = new()
    {
        [TimeUnit.Millisecond] = new("миллисекунда", "миллисекунду", "миллисекунды", "миллисекунд", GrammaticalGender.Feminine),
        [TimeUnit.Second] = new("секунда", "секунду", "секунды", "секунд", GrammaticalGender.Feminine),
        [TimeUnit.Minute] = new("минута", "минуту", "минуты", "минут", GrammaticalGender.Feminine),
        [TimeUnit.Hour] = new("час", "час", "часа", "часов", GrammaticalGender.Masculine),
        [TimeUnit.Day] = new("день", "день", "дня", "дней", GrammaticalGender.Masculine),
        [TimeUnit.Week] = new("неделя", "неделю", "недели", "недель", GrammaticalGender.Feminine),
        [TimeUnit.Month] = new("месяц", "месяц", "месяца", "месяцев", GrammaticalGender.Masculine),
        [TimeUnit.Year] = new("год", "год", "года", "лет", GrammaticalGender.Masculine),
    };

    private readonly DefaultFormatter english = new(Languages.English);

    public string DateHumanize_Now() => "сейчас";

    public string DateHumanize_Never() => "никогда";

    public string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit)
    {
        var future = timeUnitTense == Tense.Future;
        if (unit == 0)
        {
            return timeUnit == TimeUnit.Day ? "сегодня" : DateHumanize_Now();
        }

        if (unit == 1 && timeUnit == TimeUnit.Day)
        {
            return future ? "завтра" : "вчера";
        }

        // One of a unit goes without its number: "через минуту", "час назад".
        var noun = Nouns[timeUnit];
        var amount = unit == 1 ? noun.Accusative : $"{unit} {Choose(unit, noun.Accusative, noun.Few, noun.Many)}";
        return future ? $"через {amount}" : $"{amount} назад";
    }

    public string TimeSpanHumanize_Zero() => "нет времени";

    public string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false)
    {
        var noun = Nouns[timeUnit];
        var number = toWords ? unit.ToWords(noun.Gender, Russian) : unit.ToString(Russian);
        return $"{number} {Choose(unit, noun.One, noun.Few, noun.Many)}";
    }

    public string TimeUnitHumanize(TimeUnit timeUnit) => Nouns[timeUnit].One;

    // Data sizes are not part of dates; the bot never shows them, so they keep Humanizer's English words.
    public string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true) =>
        english.DataUnitHumanize(dataUnit, count, toSymbol);

    private static string Choose(int number, string one, string few, string many) =>
        PluralForms.Choose(Languages.Russian, number, [one, few, many]);

    /// <summary>A noun in the nominative singular, the accusative singular, and the forms after 2–4 and after 5–20.</summary>
    private sealed record Noun(string One, string Accusative, string Few, string Many, GrammaticalGender Gender);
}
