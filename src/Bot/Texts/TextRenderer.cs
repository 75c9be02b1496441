using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CollegeBot.Bot.Texts.Humanizing;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Texts;

/// <summary>Turns a <see cref="Text"/> into Telegram HTML in one language. Every typed value is escaped here.</summary>
public sealed partial class TextRenderer(
    TextCatalog catalog, IOptions<CollegeOptions> college, CollegeCalendar calendar, ILogger<TextRenderer> logger)
{
    // Humanizer speaks ky and ru (for any code in the program) from the moment the bot can render a text.
    static TextRenderer() => DateWords.Register();

    private readonly string fallbackLanguage = college.Value.DefaultLanguage;

    public string Render(Text text, string language)
    {
        var template = Template(text.Key, language);
        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (text.Args is null || !text.Args.TryGetValue(name, out var arg))
            {
                logger.LogWarning("Text {Key} in {Language} has no argument {Name}", text.Key, language, name);
                return "";
            }

            return match.Groups["forms"].Success
                ? PluralForms.Choose(language, arg is NumberArg n ? n.Value : 0, match.Groups["forms"].Value.Split('|'))
                : Format(arg, language);
        });
    }

    public string Render(IEnumerable<Text> parts, string language) =>
        string.Join("\n", parts.Select(p => Render(p, language)));

    /// <summary>The plain name a language calls itself by, for buttons and menus.</summary>
    public string Plain(Text text, string language) => WebUtility.HtmlDecode(StripTags().Replace(Render(text, language), ""));

    public static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static CultureInfo Culture(string language) => language switch
    {
        Languages.Kyrgyz => CultureInfo.GetCultureInfo("ky-KG"),
        Languages.Russian => CultureInfo.GetCultureInfo("ru-RU"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    private string Format(TextArg arg, string language) => arg switch
    {
        PlainArg p => Escape(p.Value),
        NumberArg n => n.Value.ToString("0.##", Culture(language)),
        // The distance is measured from the day the message is rendered, that is sent, not the day it was queued.
        DateArg { WithDistance: true } d => Escape(DateWords.DateWithDistance(d.Value, calendar.Today, Culture(language))),
        DateArg d => Escape(d.Value.ToString("ddd d MMM yyyy", Culture(language))),
        TextRefArg t => Render(t.Text, language),
        LinesArg l => string.Join("\n", l.Lines.Select(line => Render(line, language))),
        ListArg j => string.Join(Template("list.separator", language), j.Items.Select(item => Render(item, language))),
        _ => throw new ArgumentOutOfRangeException(nameof(arg), arg.GetType().Name, "unknown text argument"),
    };

    private string Template(string key, string language)
    {
        if (catalog.TryGet(language, key, out var template) || catalog.TryGet(fallbackLanguage, key, out template))
        {
            return template;
        }

        logger.LogError("Text {Key} is missing from every catalog", key);
        return Escape(key);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(\|(?<forms>[^{}]*))?\}")]
    internal static partial Regex Placeholder();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex StripTags();
}

/// <summary>Plural forms: English one|other, Russian one|few|many, Kyrgyz one form for every number.</summary>
internal static class PluralForms
{
    public static string Choose(string language, decimal number, string[] forms)
    {
        var index = decimal.Truncate(number) != number ? forms.Length - 1 : language switch
        {
            Languages.Russian => Russian((long)Math.Abs(number)),
            Languages.English => Math.Abs(number) == 1 ? 0 : 1,
            _ => 0,
        };
        return forms[Math.Min(index, forms.Length - 1)];
    }

    private static int Russian(long n) =>
        (n % 10, n % 100) switch
        {
            (1, not 11) => 0,
            (>= 2 and <= 4, < 12 or > 14) => 1,
            _ => 2,
        };
}
