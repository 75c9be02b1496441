using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollegeBot.Domain.Messaging;

/// <summary>What a person is to see: one or more texts (joined by line breaks, split to fit Telegram) and buttons.</summary>
public sealed record OutgoingMessage
{
    public required IReadOnlyList<Text> Parts { get; init; }

    /// <summary>Inline buttons under the (last piece of the) message, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<Button>>? Buttons { get; init; }

    /// <summary>A photo or file Telegram already holds, sent just before the text (not when editing).</summary>
    public Attachment? Attachment { get; init; }

    /// <summary>When set, the bot's earlier message with this id is edited instead of a new one sent.</summary>
    public int? EditMessageId { get; init; }

    /// <summary>Send without a sound (digests, reminders at odd hours).</summary>
    public bool Silent { get; init; }

    /// <summary>Refresh the person's command menu (after linking, a role change or a language change).</summary>
    public bool RefreshCommandMenu { get; init; }

    public static OutgoingMessage Of(Text text) => new() { Parts = [text] };

    public static OutgoingMessage Of(params Text[] parts) => new() { Parts = parts };

    public OutgoingMessage WithButtons(params IReadOnlyList<Button>[] rows) => this with { Buttons = rows };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutgoingMessage FromJson(string json) =>
        JsonSerializer.Deserialize<OutgoingMessage>(json, Json) ?? throw new JsonException("empty outgoing message");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };
}

/// <summary>A photo or document by its Telegram file id, as a person sent it to the bot.</summary>
public sealed record Attachment(string FileId, bool IsPhoto);

/// <summary>An inline button: a localized label and the data the router receives when it is pressed.</summary>
public sealed record Button(Text Label, string CallbackData)
{
    public static Button Of(string labelKey, string callbackData) => new(Text.Of(labelKey), callbackData);
}
