using System.Text.RegularExpressions;
using CollegeBot.Bot.Texts;
using CollegeBot.Domain.College;

namespace CollegeBot.Bot.Tests.Texts;

/// <summary>Every language has every text, with the same placeholders, and valid Telegram HTML.</summary>
public sealed partial class TextCatalogTests
{
    private static readonly TextCatalog Catalog = new();

    public static TheoryData<string> OtherLanguages => new(Languages.All.Where(l => l != Languages.English));

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_language_has_the_same_keys_as_English(string language)
    {
        var english = Catalog.Templates(Languages.English).Keys.Order().ToList();
        var other = Catalog.Templates(language).Keys.Order().ToList();
        Assert.Equal(english.Except(other), []);
        Assert.Equal(other.Except(english), []);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_has_the_same_placeholders_in_every_language(string language)
    {
        var english = Catalog.Templates(Languages.English);
        var mismatches = Catalog.Templates(language)
            .Where(t => english.TryGetValue(t.Key, out var en) && !Placeholders(en).SetEquals(Placeholders(t.Value)))
            .Select(t => $"{t.Key}: en has {{{string.Join(",", Placeholders(english[t.Key]))}}}, {language} has {{{string.Join(",", Placeholders(t.Value))}}}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_template_is_valid_telegram_html(string language)
    {
        var broken = Catalog.Templates(language)
            .Where(t => !IsBalancedTelegramHtml(t.Value))
            .Select(t => t.Key)
            .ToList();
        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void No_text_is_empty(string language) =>
        Assert.DoesNotContain(Catalog.Templates(language), t => string.IsNullOrWhiteSpace(t.Value));

    [Fact]
    public void Command_descriptions_fit_the_telegram_menu()
    {
        var tooLong = Languages.All
            .SelectMany(l => Catalog.Templates(l).Where(t => t.Key.StartsWith("command.", StringComparison.Ordinal)))
            .Where(t => t.Value.Length is < 1 or > 256 || t.Value.Contains('<'))
            .Select(t => t.Key);
        Assert.Empty(tooLong);
    }

    public static TheoryData<string> AllLanguages => new(Languages.All);

    private static HashSet<string> Placeholders(string template) =>
        [.. TextRenderer.Placeholder().Matches(template).Select(m => m.Groups["name"].Value)];

    private static bool IsBalancedTelegramHtml(string template)
    {
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(template))
        {
            var name = tag.Groups["name"].Value;
            if (!AllowedTags.Contains(name))
            {
                return false;
            }

            if (tag.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Pop() != name)
                {
                    return false;
                }
            }
            else
            {
                open.Push(name);
            }
        }

        var withoutTags = Tag().Replace(template, "");
        return open.Count == 0 && !withoutTags.Contains('<') && !withoutTags.Contains('>') && !BareAmpersand().IsMatch(withoutTags);
    }

    private static readonly HashSet<string> AllowedTags = ["b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler"];

    [GeneratedRegex("<(?<close>/)?(?<name>[a-z-]+)[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("&(?!(amp|lt|gt|quot|#[0-9]+);)")]
    private static partial Regex BareAmpersand();
}
