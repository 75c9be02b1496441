using System.Globalization;
using CollegeBot.Domain.College;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace CollegeBot.Bot.Texts.Humanizing;

/// <summary>
/// Kyrgyz for Humanizer's date and time-span phrases: "3 күндөн кийин", "3 күн мурун", "эртең", "бир жумадан кийин".
/// A noun after a number stays singular (3 күн), so there are no plural forms; the future takes the noun in the
/// ablative, whose ending follows the noun's last vowel and consonant (күндөн, жумадан, мүнөттөн, сааттан), so each
/// noun's ablative is written out rather than derived.
/// </summary>
internal sealed class KyrgyzTimeWords : IFormatter
{
    private static readonly Dictionary<TimeUnit, Noun> Nouns = new()
    {
        [TimeUnit.Millisecond] = new("миллисекунд", "миллисекунддан"),
        [TimeUnit.Second] = new("секунд", "секунддан"),
        [TimeUnit.Minute] = new("мүнөт", "мүнөттөн"),
        [TimeUnit.Hour] = new("саат", "сааттан"),
        [TimeUnit.Day] = new("күн", "күндөн"),
        [TimeUnit.Week] = new("жума", "жумадан"),
        [TimeUnit.Month] = new("ай", "айдан"),
        [TimeUnit.Year] = new("жыл", "жылдан"),
    };

    // Humanizer has no Kyrgyz number words; these cover the small counts that a time span in words has.
    private static readonly string[] NumberWords =
        ["нөл", "бир", "эки", "үч", "төрт", "беш", "алты", "жети", "сегиз", "тогуз", "он"];

    private readonly DefaultFormatter english = new(Languages.English);

    public string DateHumanize_Now() => "азыр";

    public string DateHumanize_Never() => "эч качан";

    public string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit)
    {
        var future = timeUnitTense == Tense.Future;
        if (unit == 0)
        {
            return timeUnit == TimeUnit.Day ? "бүгүн" : DateHumanize_Now();
        }

        if (unit == 1 && timeUnit == TimeUnit.Day)
        {
            return future ? "эртең" : "кечээ";
        }

        // One of a unit is said in a word: "бир жумадан кийин", "бир саат мурун".
        var noun = Nouns[timeUnit];
        var number = unit == 1 ? NumberWords[1] : unit.ToString(CultureInfo.InvariantCulture);
        return future ? $"{number} {noun.Ablative} кийин" : $"{number} {noun.Nominative} мурун";
    }

    public string TimeSpanHumanize_Zero() => "убакыт жок";

    public string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false)
    {
        var number = toWords && unit < NumberWords.Length ? NumberWords[unit] : unit.ToString(CultureInfo.InvariantCulture);
        return $"{number} {Nouns[timeUnit].Nominative}";
    }

    public string TimeUnitHumanize(TimeUnit timeUnit) => Nouns[timeUnit].Nominative;

    // Data sizes are not part of dates; the bot never shows them, so they keep Humanizer's English words.
    public string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true) =>
        english.DataUnitHumanize(dataUnit, count, toSymbol);

    private sealed record Noun(string Nominative, string Ablative);
}
