namespace CollegeBot.Bot.Telegram;

// One method per Bot API method, named as in the Bot API; each request record carries the method's parameters.
public sealed partial class BotApiClient
{
    /// <summary>The bot itself; its username makes invite links <c>https://t.me/{username}?start=…</c>.</summary>
    public Task<User> GetMeAsync(CancellationToken ct) => CallAsync(new GetMeRequest(), ct);

    /// <summary>
    /// A long poll: waits up to <see cref="GetUpdatesRequest.Timeout"/> seconds for updates. An update that cannot
    /// be read comes back with its update_id only (and a warning is logged), so it can still be confirmed.
    /// </summary>
    public Task<Update[]> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<Message> SendMessageAsync(SendMessageRequest request, CancellationToken ct) => CallAsync(request, ct);

    /// <summary>The edited message, or null when Telegram answered just <c>true</c>.</summary>
    public Task<Message?> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken ct) => CallAsync(request, ct);

    /// <summary>The edited message, or null when Telegram answered just <c>true</c>.</summary>
    public Task<Message?> EditMessageReplyMarkupAsync(EditMessageReplyMarkupRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<bool> AnswerCallbackQueryAsync(AnswerCallbackQueryRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<bool> AnswerCallbackQueryAsync(string callbackQueryId, CancellationToken ct) =>
        CallAsync(new AnswerCallbackQueryRequest(callbackQueryId), ct);

    public Task<Message> SendDocumentAsync(SendDocumentRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<Message> SendPhotoAsync(SendPhotoRequest request, CancellationToken ct) => CallAsync(request, ct);

    /// <summary>Then <see cref="DownloadFileAsync"/> with the answer's <see cref="TelegramFile.FilePath"/>.</summary>
    public Task<TelegramFile> GetFileAsync(string fileId, CancellationToken ct) => CallAsync(new GetFileRequest(fileId), ct);

    public Task<bool> SetMyCommandsAsync(SetMyCommandsRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<bool> DeleteMyCommandsAsync(DeleteMyCommandsRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<bool> SetWebhookAsync(SetWebhookRequest request, CancellationToken ct) => CallAsync(request, ct);

    /// <summary>Needed before polling again after a webhook was set (otherwise getUpdates answers 409).</summary>
    public Task<bool> DeleteWebhookAsync(DeleteWebhookRequest request, CancellationToken ct) => CallAsync(request, ct);

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken ct) => CallAsync(new GetWebhookInfoRequest(), ct);
}
