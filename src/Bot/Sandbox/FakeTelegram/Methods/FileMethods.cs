using System.Text.Json.Nodes;

namespace CollegeBot.FakeTelegram;

/// <summary>sendDocument, sendPhoto and getFile.</summary>
internal sealed class FileMethods(FakeState state, FileStore files)
{
    private const long MaxUploadSize = 50L * 1024 * 1024;
    private const long MaxPhotoSize = 10L * 1024 * 1024;

    public JsonNode SendDocument(ApiRequest r) => Send(r, "document", "sendDocument");

    public JsonNode SendPhoto(ApiRequest r) => Send(r, "photo", "sendPhoto");

    public JsonNode GetFile(ApiRequest r)
    {
        var fileId = r.String("file_id");
        if (string.IsNullOrEmpty(fileId))
        {
            throw ApiException.BadRequest("file_id is empty");
        }

        var file = files.Find(fileId) ?? throw ApiException.BadRequest("invalid file_id");
        if (file.Content.LongLength > FileStore.MaxDownloadSize)
        {
            throw ApiException.BadRequest("file is too big");
        }

        return Json.Obj(
            ("file_id", file.FileId), ("file_unique_id", file.FileUniqueId), ("file_size", file.Content.LongLength),
            ("file_path", file.FilePath));
    }

    private JsonNode Send(ApiRequest r, string field, string method)
    {
        var upload = r.File(field);
        var reference = upload is null ? r.String(field) : null;
        if (upload is null && string.IsNullOrEmpty(reference))
        {
            throw ApiException.BadRequest($"there is no {field} in the request");
        }

        lock (state.Gate)
        {
            var chat = state.WritableChat(r);
            var parseMode = MessageText.ParseMode(r);
            var caption = MessageText.ForCaption(r);
            var markup = ReplyMarkup.Read(r);
            var replyTo = MessageMethods.ReplyTarget(chat, r);
            var existing = reference is null ? null : Existing(reference);
            if (upload is not null)
            {
                CheckUpload(upload, field);
            }

            state.TakeRateSlot(chat.Id);
            var message = state.AddMessage(chat, sender: null, m =>
            {
                if (field == "photo")
                {
                    m.Photo = existing is null
                        ? files.AddPhoto(upload!.Content).Select(FileStore.PhotoSize).ToArray()
                        : [FileStore.PhotoSize(existing)];
                }
                else
                {
                    m.Document = FileStore.Document(existing ?? files.AddDocument(upload!.Content, upload.FileName, upload.ContentType));
                }

                m.Caption = caption?.Text;
                m.Entities = caption?.Entities ?? [];
                m.RawText = r.String("caption");
                m.ParseMode = parseMode;
                m.Markup = markup;
                m.ReplyToMessageId = replyTo;
                MessageMethods.ApplySendOptions(m, r);
            });
            state.Record(BotOperationKind.Sent, method, message);
            return message.ToJson(chat, state.BotUser());
        }
    }

    private StoredFile Existing(string reference)
    {
        if (reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
            reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // The fake reaches no other host.
            throw ApiException.BadRequest("failed to get HTTP URL content");
        }

        return files.Find(reference) ?? throw ApiException.BadRequest("wrong file identifier/HTTP URL specified");
    }

    private static void CheckUpload(UploadedFile upload, string field)
    {
        if (upload.Content.Length == 0)
        {
            throw ApiException.BadRequest("file must be non-empty");
        }

        if (upload.Content.LongLength > (field == "photo" ? MaxPhotoSize : MaxUploadSize))
        {
            throw new ApiException(413, "Request Entity Too Large");
        }
    }
}
