using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

/// <summary>A file to send: one Telegram already has (by <c>file_id</c>), or content to upload with its name.</summary>
/// <remarks>A stream is read from its current position to its end and left open: it belongs to the caller.</remarks>
[JsonConverter(typeof(InputFileJsonConverter))]
public sealed class InputFile
{
    private readonly Stream? _stream;
    private readonly byte[]? _bytes;

    private InputFile(string? fileId, Stream? stream, byte[]? bytes, string? fileName, string? contentType)
    {
        FileId = fileId;
        _stream = stream;
        _bytes = bytes;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>Set when the file is already on Telegram's servers.</summary>
    public string? FileId { get; }

    /// <summary>The name the recipient sees, for an upload.</summary>
    public string? FileName { get; }

    public string? ContentType { get; }

    public bool IsUpload => FileId is null;

    public static InputFile FromFileId(string fileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return new(fileId, null, null, null, null);
    }

    public static InputFile FromStream(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return new(null, content, null, fileName, contentType);
    }

    public static InputFile FromBytes(byte[] content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return new(null, null, content, fileName, contentType);
    }

    internal HttpContent CreateContent() =>
        _bytes is not null ? new ByteArrayContent(_bytes)
        : _stream is not null ? new LeaveOpenStreamContent(_stream)
        : throw new InvalidOperationException("A file_id has no content to upload.");

    public override string ToString() => IsUpload ? $"upload '{FileName}'" : $"file_id {FileId}";
}

/// <summary>
/// Writes a file_id as the plain string the Bot API expects. An upload has no JSON form: the multipart body
/// carries it as a file part instead, so null stands in for it here.
/// </summary>
internal sealed class InputFileJsonConverter : JsonConverter<InputFile>
{
    public override InputFile? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? InputFile.FromFileId(reader.GetString()!) : throw new JsonException("A file must be given as a file_id string.");

    public override void Write(Utf8JsonWriter writer, InputFile value, JsonSerializerOptions options)
    {
        if (value.FileId is { } fileId)
        {
            writer.WriteStringValue(fileId);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Streams the caller's content without disposing it (StreamContent would close the caller's stream).</summary>
internal sealed class LeaveOpenStreamContent(Stream stream) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream target, System.Net.TransportContext? context) =>
        stream.CopyToAsync(target);

    protected override Task SerializeToStreamAsync(Stream target, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
        stream.CopyToAsync(target, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = stream.CanSeek ? stream.Length - stream.Position : 0;
        return stream.CanSeek;
    }
}
