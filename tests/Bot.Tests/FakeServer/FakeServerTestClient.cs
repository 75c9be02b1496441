using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollegeBot.FakeTelegram;

namespace CollegeBot.Bot.Tests.FakeServer;

/// <summary>An answer of the fake server, read the way a Bot API client reads one.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string ContentType, string Body)
{
    public JsonNode? Json => JsonNode.Parse(Body);
    public bool Ok => Json?["ok"]?.GetValue<bool>() == true;
    public JsonNode? Result => Json?["result"];
    public string? Description => Json?["description"]?.GetValue<string>();
    public int? ErrorCode => Json?["error_code"]?.GetValue<int>();
    public int? RetryAfter => Json?["parameters"]?["retry_after"]?.GetValue<int>();
    public long? MigrateToChatId => Json?["parameters"]?["migrate_to_chat_id"]?.GetValue<long>();
}

/// <summary>A raw HTTP client that talks to the fake exactly as a Telegram client would.</summary>
internal sealed class RawBotClient(FakeBotApiServer server) : IDisposable
{
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An absolute URL: a relative "bot123:ABC/..." would read as a URI scheme.</summary>
    public string Url(string relative) => $"{server.BaseUrl}/{relative}";

    public string Token { get; set; } = server.Token;

    public Task<ApiAnswer> CallAsync(string method, object? parameters = null, CancellationToken ct = default) =>
        SendAsync(method, new StringContent(JsonSerializer.Serialize(parameters ?? new { }), Encoding.UTF8, "application/json"), ct);

    public Task<ApiAnswer> FormAsync(string method, IDictionary<string, string> fields) =>
        SendAsync(method, new FormUrlEncodedContent(fields), default);

    public Task<ApiAnswer> MultipartAsync(string method, IDictionary<string, string> fields, string fileField, byte[] bytes, string fileName, string contentType)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return SendAsync(method, form, default);
    }

    public async Task<ApiAnswer> SendAsync(string method, HttpContent content, CancellationToken ct)
    {
        using var response = await Http.PostAsync(Url($"bot{Token}/{method}"), content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", body);
    }

    public async Task<ApiAnswer> SendTextAsync(long chatId, string text, string? parseMode = "HTML", object? replyMarkup = null) =>
        await CallAsync("sendMessage", new Dictionary<string, object?>
        {
            ["chat_id"] = chatId,
            ["text"] = text,
            ["parse_mode"] = parseMode,
            ["reply_markup"] = replyMarkup,
        }.Where(p => p.Value is not null).ToDictionary());

    public async Task<JsonArray> GetUpdatesAsync(long? offset = null, int timeout = 0, string[]? allowed = null)
    {
        var parameters = new Dictionary<string, object?> { ["timeout"] = timeout };
        if (offset is not null)
        {
            parameters["offset"] = offset;
        }

        if (allowed is not null)
        {
            parameters["allowed_updates"] = allowed;
        }

        var answer = await CallAsync("getUpdates", parameters);
        Assert.True(answer.Ok, answer.Body);
        return answer.Result!.AsArray();
    }

    public void Dispose() => Http.Dispose();
}
