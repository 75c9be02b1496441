using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CollegeBot.FakeTelegram;

/// <summary>A file part of a multipart request.</summary>
internal sealed record UploadedFile(string? FileName, string? ContentType, byte[] Content);

/// <summary>The parameters of one Bot API call, whichever way they came: query string, JSON body,
/// url-encoded form or multipart form (where objects arrive as JSON text and files as parts).</summary>
internal sealed class ApiRequest
{
    private readonly Dictionary<string, JsonNode?> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> files = new(StringComparer.Ordinal);

    public static async Task<ApiRequest> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var request = new ApiRequest();
        foreach (var (key, value) in http.Query)
        {
            request.values[key] = JsonValue.Create(value.ToString());
        }

        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                request.values[key] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                request.files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (HttpMethods.IsPost(http.Method))
        {
            using var reader = new StreamReader(http.Body);
            var body = await reader.ReadToEndAsync(ct);
            if (!string.IsNullOrWhiteSpace(body))
            {
                request.ReadJsonBody(body);
            }
        }

        return request;
    }

    private void ReadJsonBody(string body)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest("can't parse JSON object");
        }

        if (parsed is not JsonObject obj)
        {
            throw ApiException.BadRequest("can't parse JSON object");
        }

        foreach (var (key, value) in obj)
        {
            values[key] = value?.DeepClone();
        }
    }

    public bool Has(string name) =>
        (values.TryGetValue(name, out var v) && v is not null) || files.ContainsKey(name);

    public string? String(string name)
    {
        if (!values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
    }

    public long? Long(string name)
    {
        if (!values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.Number when node.AsValue().TryGetValue<long>(out var l):
                return l;
            case JsonValueKind.Number when node.AsValue().TryGetValue<double>(out var d):
                return (long)d;
            case JsonValueKind.String when long.TryParse(node.GetValue<string>(), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonValueKind.String when string.IsNullOrEmpty(node.GetValue<string>()):
                return null;
            default:
                throw ApiException.BadRequest($"invalid {name} specified");
        }
    }

    public int? Int(string name)
    {
        var value = Long(name);
        return value is null ? null : (int)Math.Clamp(value.Value, int.MinValue, int.MaxValue);
    }

    public bool Bool(string name)
    {
        if (!values.TryGetValue(name, out var node) || node is null)
        {
            return false;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => node.GetValue<string>().Trim().ToLowerInvariant() is "true" or "1",
            JsonValueKind.Number => node.AsValue().TryGetValue<long>(out var n) && n != 0,
            _ => false,
        };
    }

    /// <summary>An object or array parameter; in form requests it arrives as JSON text.</summary>
    public JsonNode? Json(string name, string errorWhenUnreadable)
    {
        if (!values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return node;
        }

        var text = node.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest(errorWhenUnreadable);
        }
    }

    /// <summary>An uploaded file given directly as the part <paramref name="name"/> or as
    /// <c>attach://other</c> naming another part.</summary>
    public UploadedFile? File(string name)
    {
        if (files.TryGetValue(name, out var file))
        {
            return file;
        }

        var text = String(name);
        if (text is not null && text.StartsWith("attach://", StringComparison.Ordinal))
        {
            return files.TryGetValue(text["attach://".Length..], out var attached)
                ? attached
                : throw ApiException.BadRequest($"file attach://{text["attach://".Length..]} not found in the request");
        }

        return null;
    }

    /// <summary>The chat_id when it is a number, for the request log.</summary>
    public long? ChatIdForLog()
    {
        try
        {
            return Long("chat_id");
        }
        catch (ApiException)
        {
            return null;
        }
    }

    /// <summary>All parameters as one JSON object; a file shows as its name and size.</summary>
    public string ToLogJson()
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            result[key] = value?.DeepClone();
        }

        foreach (var (key, file) in files)
        {
            result[key] = $"<file {file.FileName} {file.Content.Length} bytes>";
        }

        return FakeTelegram.Json.Write(result);
    }
}
