using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

/// <summary>What <c>reply_markup</c> of a sent message can be: inline buttons, a reply keyboard, or its removal.</summary>
/// <remarks>
/// Listed as derived types without discriminators, so System.Text.Json writes each one's own properties by its
/// runtime type and adds no <c>$type</c> field (the Bot API tells them apart by their property names).
/// </remarks>
[JsonPolymorphic]
[JsonDerivedType(typeof(InlineKeyboardMarkup))]
[JsonDerivedType(typeof(ReplyKeyboardMarkup))]
[JsonDerivedType(typeof(ReplyKeyboardRemove))]
public abstract record ReplyMarkup;

/// <summary>Buttons under the message, row by row.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard) : ReplyMarkup;

/// <summary>Set exactly one of <see cref="CallbackData"/> (1-64 bytes of UTF-8) and <see cref="Url"/>.</summary>
public sealed record InlineKeyboardButton(string Text)
{
    public string? CallbackData { get; init; }
    public string? Url { get; init; }

    public static InlineKeyboardButton WithCallbackData(string text, string callbackData) => new(text) { CallbackData = callbackData };

    public static InlineKeyboardButton WithUrl(string text, string url) => new(text) { Url = url };
}

/// <summary>A keyboard that replaces the person's letter keyboard; a press sends the button's text.</summary>
public sealed record ReplyKeyboardMarkup(IReadOnlyList<IReadOnlyList<KeyboardButton>> Keyboard) : ReplyMarkup
{
    public bool? ResizeKeyboard { get; init; }
    public bool? OneTimeKeyboard { get; init; }
    public bool? IsPersistent { get; init; }
    public string? InputFieldPlaceholder { get; init; }
}

public sealed record KeyboardButton(string Text)
{
    /// <summary>The press shares the person's own phone number as a contact.</summary>
    public bool? RequestContact { get; init; }
}

/// <summary>Takes away a reply keyboard shown earlier.</summary>
public sealed record ReplyKeyboardRemove : ReplyMarkup
{
    public bool RemoveKeyboard => true;
}
