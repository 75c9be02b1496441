using System.Buffers.Binary;

namespace CollegeBot.FakeTelegram;

internal sealed record StoredFile(
    string FileId, string FileUniqueId, string FilePath, byte[] Content, string? FileName, string MimeType, int Width, int Height);

/// <summary>Every file the bot or a test user sent, by file_id and by file_path. Thread-safe.</summary>
internal sealed class FileStore
{
    public const long MaxDownloadSize = 20 * 1024 * 1024;

    private static readonly Dictionary<string, string> MimeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".zip"] = "application/zip",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    private readonly object gate = new();
    private readonly Dictionary<string, StoredFile> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> byPath = new(StringComparer.Ordinal);
    private int counter;

    public StoredFile AddDocument(byte[] content, string? fileName, string? mimeType)
    {
        var type = string.IsNullOrEmpty(mimeType) || mimeType == "application/octet-stream" ? GuessMimeType(fileName) : mimeType;
        var extension = Path.GetExtension(fileName ?? "");
        return Add("BQACAgIAAxkBAAI", "documents", extension, content, fileName, type, 0, 0);
    }

    /// <summary>Stores a photo the way Telegram keeps one: a small and a full size (both serve the same bytes here).</summary>
    public IReadOnlyList<StoredFile> AddPhoto(byte[] content)
    {
        var (width, height) = ImageSize(content);
        var scale = Math.Min(1.0, 90.0 / Math.Max(width, height));
        var small = Add("AgACAgIAAxkBAAI", "photos", ".jpg", content, null, "image/jpeg",
            Math.Max(1, (int)(width * scale)), Math.Max(1, (int)(height * scale)));
        var full = Add("AgACAgIAAxkBAAI", "photos", ".jpg", content, null, "image/jpeg", width, height);
        return [small, full];
    }

    /// <summary>A photo under a file id chosen by the caller; an id already known keeps its file.</summary>
    public void AddPhotoWithId(string fileId, byte[] content)
    {
        var (width, height) = ImageSize(content);
        lock (gate)
        {
            if (byId.ContainsKey(fileId))
            {
                return;
            }

            var n = ++counter;
            var file = new StoredFile(fileId, $"AQAD{n:D5}seeded", $"photos/file_{n}.jpg", content, null, "image/jpeg", width, height);
            byId[file.FileId] = file;
            byPath[file.FilePath] = file;
        }
    }

    public StoredFile? Find(string fileId)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(fileId);
        }
    }

    public StoredFile? FindByPath(string filePath)
    {
        lock (gate)
        {
            return byPath.GetValueOrDefault(filePath);
        }
    }

    public static BotDocument Document(StoredFile f) =>
        new(f.FileId, f.FileUniqueId, f.FileName, f.MimeType, f.Content.LongLength);

    public static BotPhotoSize PhotoSize(StoredFile f) =>
        new(f.FileId, f.FileUniqueId, f.Width, f.Height, f.Content.LongLength);

    private StoredFile Add(string prefix, string folder, string extension, byte[] content, string? fileName, string mimeType, int width, int height)
    {
        lock (gate)
        {
            var n = ++counter;
            var tail = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var file = new StoredFile(
                $"{prefix}{n:D5}{tail}", $"AQAD{n:D5}{tail[..6]}", $"{folder}/file_{n}{extension.ToLowerInvariant()}",
                content, fileName, mimeType, width, height);
            byId[file.FileId] = file;
            byPath[file.FilePath] = file;
            return file;
        }
    }

    private static string GuessMimeType(string? fileName) =>
        MimeTypes.GetValueOrDefault(Path.GetExtension(fileName ?? "")) ?? "application/octet-stream";

    /// <summary>Width and height from a PNG or JPEG header; 800×600 when neither.</summary>
    private static (int Width, int Height) ImageSize(byte[] b)
    {
        if (b.Length >= 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
        {
            return (BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length && b[i] == 0xFF)
            {
                var marker = b[i + 1];
                var length = (b[i + 2] << 8) | b[i + 3];
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
                }

                i += 2 + length;
            }
        }

        return (800, 600);
    }
}
