using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using CollegeBot.Domain.College;

namespace CollegeBot.Bot.Texts;

/// <summary>
/// The words of the bot: one JSON file per language (ky, ru, en) with the same keys, embedded in the program.
/// Templates are trusted HTML with placeholders <c>{name}</c> and plural choices <c>{name|one|few|many}</c>.
/// </summary>
public sealed class TextCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage;

    public TextCatalog()
    {
        byLanguage = Languages.All.ToFrozenDictionary(lang => lang, Load);
    }

    public IReadOnlyDictionary<string, string> Templates(string language) => byLanguage[language];

    public bool TryGet(string language, string key, out string template)
    {
        template = "";
        return byLanguage.TryGetValue(language, out var templates) && templates.TryGetValue(key, out template!);
    }

    private static FrozenDictionary<string, string> Load(string language)
    {
        var name = $"CollegeBot.Bot.Texts.{language}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The text catalog {name} is not embedded.");
        var templates = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The text catalog {name} is empty.");
        return templates.ToFrozenDictionary();
    }
}
