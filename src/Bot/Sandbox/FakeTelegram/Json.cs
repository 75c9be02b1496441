using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

internal static class Json
{
    // Readable Cyrillic in logs and answers; still valid JSON for any client.
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An object of the given properties, leaving out null values (the Bot API omits them).</summary>
    public static JsonObject Obj(params (string Key, JsonNode? Value)[] properties)
    {
        var result = new JsonObject();
        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    public static string Write(JsonNode? node) => node?.ToJsonString(Output) ?? "null";

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(item);
        }

        return result;
    }

    public static JsonObject Entity(BotEntity e) => Obj(
        ("type", e.Type), ("offset", e.Offset), ("length", e.Length), ("url", e.Url), ("language", e.Language));

    public static JsonArray? Entities(IReadOnlyList<BotEntity> entities) =>
        entities.Count == 0 ? null : Array(entities.Select(e => (JsonNode?)Entity(e)));

    public static JsonObject Document(BotDocument d) => Obj(
        ("file_id", d.FileId), ("file_unique_id", d.FileUniqueId), ("file_name", d.FileName),
        ("mime_type", d.MimeType), ("file_size", d.FileSize));

    public static JsonArray Photo(IReadOnlyList<BotPhotoSize> sizes) => Array(sizes.Select(p => (JsonNode?)Obj(
        ("file_id", p.FileId), ("file_unique_id", p.FileUniqueId), ("width", p.Width), ("height", p.Height),
        ("file_size", p.FileSize))));

    public static JsonObject User(FakeUser u) => Obj(
        ("id", u.Id), ("is_bot", false), ("first_name", u.FirstName), ("last_name", u.LastName),
        ("username", u.Username), ("language_code", u.LanguageCode));
}
