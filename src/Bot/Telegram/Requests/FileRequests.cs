using System.Text.Json.Serialization;

namespace CollegeBot.Bot.Telegram;

public sealed record SendDocumentRequest(long ChatId, InputFile Document) : IBotRequest<Message>, IUploadRequest
{
    [JsonIgnore] public string MethodName => "sendDocument";

    /// <summary>0-1024 chars after entity parsing.</summary>
    public string? Caption { get; init; }

    public string? ParseMode { get; init; }
    public ReplyMarkup? ReplyMarkup { get; init; }
    public bool? DisableNotification { get; init; }

    string IUploadRequest.FileField => "document";
    InputFile IUploadRequest.File => Document;
}

public sealed record SendPhotoRequest(long ChatId, InputFile Photo) : IBotRequest<Message>, IUploadRequest
{
    [JsonIgnore] public string MethodName => "sendPhoto";

    /// <summary>0-1024 chars after entity parsing.</summary>
    public string? Caption { get; init; }

    public string? ParseMode { get; init; }
    public ReplyMarkup? ReplyMarkup { get; init; }
    public bool? DisableNotification { get; init; }

    string IUploadRequest.FileField => "photo";
    InputFile IUploadRequest.File => Photo;
}

/// <summary>Prepares a file (up to 20 MB) for download; the answer's file_path is valid for an hour.</summary>
public sealed record GetFileRequest(string FileId) : IBotRequest<TelegramFile>
{
    [JsonIgnore] public string MethodName => "getFile";
}
