using System.Globalization;
using CollegeBot.Bot.Texts;
using CollegeBot.Bot.Texts.Humanizing;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Tests.Support;
using Humanizer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Tests.Texts;

public sealed class DateWordsTests
{
    private readonly FakeClock clock = new();
    private readonly TextRenderer renderer;

    public DateWordsTests()
    {
        var college = Options.Create(new CollegeOptions());
        renderer = new TextRenderer(new TextCatalog(), college, new CollegeCalendar(clock, college), NullLogger<TextRenderer>.Instance);
        DateWords.Register();
    }

    // The fake clock's day: Monday 23 November 2026 in Bishkek.
    [Theory]
    [InlineData(Languages.English, 0, "Mon 23 Nov, today")]
    [InlineData(Languages.English, 1, "Tue 24 Nov, tomorrow")]
    [InlineData(Languages.English, -1, "Sun 22 Nov, yesterday")]
    [InlineData(Languages.English, 2, "Wed 25 Nov, in 2 days")]
    [InlineData(Languages.English, 3, "Thu 26 Nov, in 3 days")]
    [InlineData(Languages.English, 5, "Sat 28 Nov, in 5 days")]
    [InlineData(Languages.English, 11, "Fri 4 Dec, in 11 days")]
    [InlineData(Languages.English, 21, "Mon 14 Dec, in 21 days")]
    [InlineData(Languages.English, 22, "Tue 15 Dec, in 22 days")]
    [InlineData(Languages.English, -2, "Sat 21 Nov, 2 days ago")]
    [InlineData(Languages.English, -5, "Wed 18 Nov, 5 days ago")]
    [InlineData(Languages.English, -21, "Mon 2 Nov, 21 days ago")]
    [InlineData(Languages.English, 39, "Fri 1 Jan 2027, in 39 days")]
    [InlineData(Languages.Russian, 0, "пн 23 нояб., сегодня")]
    [InlineData(Languages.Russian, 1, "вт 24 нояб., завтра")]
    [InlineData(Languages.Russian, -1, "вс 22 нояб., вчера")]
    [InlineData(Languages.Russian, 2, "ср 25 нояб., через 2 дня")]
    [InlineData(Languages.Russian, 3, "чт 26 нояб., через 3 дня")]
    [InlineData(Languages.Russian, 5, "сб 28 нояб., через 5 дней")]
    [InlineData(Languages.Russian, 11, "пт 4 дек., через 11 дней")]
    [InlineData(Languages.Russian, 12, "сб 5 дек., через 12 дней")]
    [InlineData(Languages.Russian, 14, "пн 7 дек., через 14 дней")]
    [InlineData(Languages.Russian, 21, "пн 14 дек., через 21 день")]
    [InlineData(Languages.Russian, 22, "вт 15 дек., через 22 дня")]
    [InlineData(Languages.Russian, -2, "сб 21 нояб., 2 дня назад")]
    [InlineData(Languages.Russian, -5, "ср 18 нояб., 5 дней назад")]
    [InlineData(Languages.Russian, -21, "пн 2 нояб., 21 день назад")]
    [InlineData(Languages.Russian, 39, "пт 1 янв. 2027, через 39 дней")]
    [InlineData(Languages.Kyrgyz, 0, "дүй. 23 ноя., бүгүн")]
    [InlineData(Languages.Kyrgyz, 1, "шейш. 24 ноя., эртең")]
    [InlineData(Languages.Kyrgyz, -1, "жек. 22 ноя., кечээ")]
    [InlineData(Languages.Kyrgyz, 2, "шарш. 25 ноя., 2 күндөн кийин")]
    [InlineData(Languages.Kyrgyz, 3, "бейш. 26 ноя., 3 күндөн кийин")]
    [InlineData(Languages.Kyrgyz, 5, "ишм. 28 ноя., 5 күндөн кийин")]
    [InlineData(Languages.Kyrgyz, 11, "жума 4 дек., 11 күндөн кийин")]
    [InlineData(Languages.Kyrgyz, 21, "дүй. 14 дек., 21 күндөн кийин")]
    [InlineData(Languages.Kyrgyz, 22, "шейш. 15 дек., 22 күндөн кийин")]
    [InlineData(Languages.Kyrgyz, -2, "ишм. 21 ноя., 2 күн мурун")]
    [InlineData(Languages.Kyrgyz, -5, "шарш. 18 ноя., 5 күн мурун")]
    [InlineData(Languages.Kyrgyz, -21, "дүй. 2 ноя., 21 күн мурун")]
    [InlineData(Languages.Kyrgyz, 39, "жума 1 янв. 2027, 39 күндөн кийин")]
    public void A_due_date_is_shown_as_a_date_and_its_distance_in_days(string language, int daysFromToday, string expected) =>
        Assert.Equal(expected, Due(new DateOnly(2026, 11, 23).AddDays(daysFromToday), language));

    [Theory]
    [InlineData("2026-11-30", "2026-12-01", Languages.English, "Tue 1 Dec, tomorrow")]
    [InlineData("2026-11-30", "2026-12-01", Languages.Russian, "вт 1 дек., завтра")]
    [InlineData("2026-11-30", "2026-12-01", Languages.Kyrgyz, "шейш. 1 дек., эртең")]
    [InlineData("2026-12-31", "2027-01-01", Languages.English, "Fri 1 Jan 2027, tomorrow")]
    [InlineData("2026-12-31", "2027-01-01", Languages.Russian, "пт 1 янв. 2027, завтра")]
    [InlineData("2026-12-31", "2027-01-01", Languages.Kyrgyz, "жума 1 янв. 2027, эртең")]
    [InlineData("2027-01-02", "2026-12-31", Languages.English, "Thu 31 Dec 2026, 2 days ago")]
    [InlineData("2027-01-02", "2026-12-31", Languages.Russian, "чт 31 дек. 2026, 2 дня назад")]
    [InlineData("2027-01-02", "2026-12-31", Languages.Kyrgyz, "бейш. 31 дек. 2026, 2 күн мурун")]
    [InlineData("2027-01-02", "2027-01-05", Languages.Russian, "вт 5 янв., через 3 дня")]
    public void Days_are_counted_across_the_end_of_a_month_and_a_year(string today, string due, string language, string expected)
    {
        clock.Now = new DateTimeOffset(DateOnly.Parse(today, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        Assert.Equal(expected, Due(DateOnly.Parse(due, CultureInfo.InvariantCulture), language));
    }

    [Fact]
    public void Today_is_the_college_day_not_the_utc_day()
    {
        // 18:30 UTC on 23 November is 00:30 on 24 November in Bishkek.
        clock.Now = new DateTimeOffset(2026, 11, 23, 18, 30, 0, TimeSpan.Zero);
        Assert.Equal("Tue 24 Nov, today", Due(new DateOnly(2026, 11, 24), Languages.English));
    }

    [Fact]
    public void The_distance_is_as_of_the_moment_the_message_is_rendered()
    {
        var due = new DateOnly(2026, 11, 25);
        Assert.Equal("ср 25 нояб., через 2 дня", Due(due, Languages.Russian));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("ср 25 нояб., сегодня", Due(due, Languages.Russian));
    }

    [Fact]
    public void A_date_without_distance_keeps_its_full_format() =>
        Assert.Equal("/due — Wed 25 Nov 2026", renderer.Render(Line(Text.Of("help.line").With("description", new DateOnly(2026, 11, 25))), Languages.English));

    [Theory]
    [InlineData("ru", -2 * 60, "2 часа назад")]
    [InlineData("ru", -21, "21 минуту назад")]
    [InlineData("ru", -1, "минуту назад")]
    [InlineData("ru", 30 * 60, "завтра")]
    [InlineData("ru", 5 * 24 * 60, "через 5 дней")]
    [InlineData("ky", -2 * 60, "2 саат мурун")]
    [InlineData("ky", 3 * 60, "3 сааттан кийин")]
    [InlineData("ky", -60, "бир саат мурун")]
    [InlineData("ky", -30 * 60, "кечээ")]
    [InlineData("en", 3 * 60, "in 3 hours")]
    [InlineData("en", -3 * 60, "3 hours ago")]
    public void Humanizer_speaks_our_languages_once_registered(string language, int minutesFromNow, string expected)
    {
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var culture = CultureInfo.GetCultureInfo(language);
        Assert.Equal(expected, now.AddMinutes(minutesFromNow).Humanize(dateToCompareAgainst: now, culture: culture));
    }

    [Theory]
    [InlineData("ru", 1, false, "1 день")]
    [InlineData("ru", 3, false, "3 дня")]
    [InlineData("ru", 5, false, "5 дней")]
    [InlineData("ru", 14, false, "2 недели")]
    [InlineData("ru", 14, true, "две недели")]
    [InlineData("ru", 1, true, "один день")]
    [InlineData("ky", 5, false, "5 күн")]
    [InlineData("ky", 7, true, "бир жума")]
    public void A_time_span_is_humanized_in_our_languages(string language, int days, bool toWords, string expected) =>
        Assert.Equal(expected, TimeSpan.FromDays(days).Humanize(culture: CultureInfo.GetCultureInfo(language), toWords: toWords));

    private string Due(DateOnly date, string language)
    {
        var html = renderer.Render(Line(Text.Of("help.line").WithDistance("description", date)), language);
        const string prefix = "/due — ";
        Assert.StartsWith(prefix, html);
        return html[prefix.Length..];
    }

    private static Text Line(Text text) => text.With("command", "due");
}
