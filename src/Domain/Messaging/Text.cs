using System.Text.Json.Serialization;

namespace CollegeBot.Domain.Messaging;

/// <summary>
/// A message key with its arguments, rendered in the recipient's language only when it is sent. Nothing a
/// person reads is written as a literal in code: handlers return keys, the catalogs in ky, ru and en hold words.
/// </summary>
public sealed record Text(string Key, IReadOnlyDictionary<string, TextArg>? Args = null)
{
    public static Text Of(string key) => new(key);

    /// <summary>A value shown as typed (names, codes, subjects): it is HTML-escaped when rendered.</summary>
    public Text With(string name, string? value) => Add(name, new PlainArg(value ?? ""));

    public Text With(string name, long value) => Add(name, new NumberArg(value));

    public Text With(string name, decimal value) => Add(name, new NumberArg(value));

    /// <summary>A calendar date, written in the recipient's language.</summary>
    public Text With(string name, DateOnly value) => Add(name, new DateArg(value));

    /// <summary>A date with its distance from today in words ("Tue 25 Nov, in 3 days"), as of the moment it is sent.</summary>
    public Text WithDistance(string name, DateOnly value) => Add(name, new DateArg(value, WithDistance: true));

    /// <summary>A nested localized text (a role name, a list line).</summary>
    public Text With(string name, Text value) => Add(name, new TextRefArg(value));

    /// <summary>Several localized texts joined with line breaks.</summary>
    public Text WithLines(string name, IEnumerable<Text> lines) => Add(name, new LinesArg([.. lines]));

    /// <summary>Several localized texts joined by the language's list separator ("student, parent").</summary>
    public Text WithList(string name, IEnumerable<Text> items) => Add(name, new ListArg([.. items]));

    private Text Add(string name, TextArg value)
    {
        var args = Args is null ? new Dictionary<string, TextArg>() : new Dictionary<string, TextArg>(Args);
        args[name] = value;
        return this with { Args = args };
    }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "t")]
[JsonDerivedType(typeof(PlainArg), "s")]
[JsonDerivedType(typeof(NumberArg), "n")]
[JsonDerivedType(typeof(DateArg), "d")]
[JsonDerivedType(typeof(TextRefArg), "k")]
[JsonDerivedType(typeof(LinesArg), "l")]
[JsonDerivedType(typeof(ListArg), "j")]
public abstract record TextArg;

public sealed record PlainArg(string Value) : TextArg;

public sealed record NumberArg(decimal Value) : TextArg;

public sealed record DateArg(DateOnly Value, bool WithDistance = false) : TextArg;

public sealed record TextRefArg(Text Text) : TextArg;

public sealed record LinesArg(IReadOnlyList<Text> Lines) : TextArg;

public sealed record ListArg(IReadOnlyList<Text> Items) : TextArg;
