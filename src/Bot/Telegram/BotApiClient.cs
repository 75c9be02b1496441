using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Telegram;

/// <summary>
/// A typed client of the Bot API. Every call POSTs to <c>{ApiBaseUrl}/bot{token}/{method}</c>; since the token is
/// in the URL, nothing here logs a URL, and every text that leaves this class has the token masked.
/// </summary>
/// <remarks>
/// Failures: <see cref="ApiRequestException"/> when the API (or a proxy in its place) answered with an error,
/// <see cref="BotApiNetworkException"/> when no answer came in time; the caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed partial class BotApiClient(HttpClient http, IOptions<TelegramOptions> options, ILogger<BotApiClient> logger)
{
    /// <summary>Bots may download files up to this size.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    // A file download (20 MB) or upload (50 MB) over a slow link takes far longer than an API call.
    private const int TransferAllowanceSeconds = 120;

    private TelegramOptions Options => options.Value;

    /// <summary>Calls any Bot API method; the convenience methods all come here.</summary>
    public async Task<TResult> CallAsync<TResult>(IBotRequest<TResult> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.MethodName;
        var token = RequireToken();
        var uri = MethodUri(token, method);
        return await GuardAsync(method, token, TimeoutFor(request), async callCt =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = CreateContent(request) };
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, callCt);
            var body = await response.Content.ReadAsByteArrayAsync(callCt);
            var status = (int)response.StatusCode;
            var result = BotApiAnswer.ReadEnvelope(method, status, body, token);
            return BotApiAnswer.ReadResult<TResult>(method, status, result, token, logger);
        }, ct);
    }

    /// <summary>
    /// Downloads a file prepared by getFile into <paramref name="destination"/>. A file over 20 MB is refused
    /// (an <see cref="ApiRequestException"/> with <see cref="ApiRequestException.IsFileTooBig"/>); what was
    /// written to the destination by then is incomplete.
    /// </summary>
    public async Task DownloadFileAsync(string filePath, Stream destination, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentNullException.ThrowIfNull(destination);
        const string method = "downloadFile";
        var token = RequireToken();
        var uri = ParseUri($"{BaseUrl()}/file/bot{token}/{filePath.TrimStart('/')}");
        var timeout = TimeSpan.FromSeconds(RequestTimeoutSeconds() + TransferAllowanceSeconds);
        await GuardAsync(method, token, timeout, async callCt =>
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, callCt);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(callCt);
                BotApiAnswer.ReadEnvelope(method, status, body, token);
                throw BotApiAnswer.NotBotApi(method, status);
            }

            if (response.Content.Headers.ContentLength > MaxDownloadBytes)
            {
                throw FileTooBig(method);
            }

            await using var source = await response.Content.ReadAsStreamAsync(callCt);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, callCt)) > 0)
            {
                total += read;
                if (total > MaxDownloadBytes)
                {
                    throw FileTooBig(method);
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), callCt);
            }

            return total;
        }, ct);
    }

    /// <summary>
    /// Runs one HTTP exchange under its own timeout and turns what can go wrong into our two exceptions, with the
    /// token masked; logs the method, the time taken and the outcome (never the URL).
    /// </summary>
    private async Task<T> GuardAsync<T>(string method, string token, TimeSpan timeout, Func<CancellationToken, Task<T>> exchange, CancellationToken ct)
    {
        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        callCts.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await exchange(callCts.Token);
            LogCall(logger, method, "ok", Elapsed(started));
            return result;
        }
        catch (ApiRequestException ex)
        {
            LogCall(logger, method, $"error {ex.ErrorCode}", Elapsed(started));
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogCall(logger, method, "cancelled", Elapsed(started));

            // A fresh exception: the one HttpClient threw may carry inner exceptions we have not vetted.
            throw new OperationCanceledException($"{method} was cancelled.", null, ct);
        }
        catch (OperationCanceledException)
        {
            // Not the caller's token, so our timeout (or HttpClient.Timeout, if someone set one) ran out.
            LogCall(logger, method, "timeout", Elapsed(started));
            throw new BotApiNetworkException(method, $"{method}: no answer from the Bot API within {timeout.TotalSeconds:0} s.", isTimeout: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            LogCall(logger, method, "network error", Elapsed(started));
            var inner = TokenRedactor.RedactedCopy(ex, token);
            throw new BotApiNetworkException(method, $"{method}: network error: {inner.Message}", isTimeout: false, inner);
        }
        catch (Exception ex) when (Leaks(ex, token))
        {
            // Anything else is a bug rather than a network state, but it must not carry the token into a log.
            LogCall(logger, method, "failed", Elapsed(started));
            var inner = TokenRedactor.RedactedCopy(ex, token);
            throw new InvalidOperationException($"{method}: {inner.Message}", inner);
        }
    }

    private static bool Leaks(Exception ex, string token) => TokenRedactor.Redact(ex.ToString(), token) != ex.ToString();

    private static ApiRequestException FileTooBig(string method) =>
        new(method, 400, $"Bad Request: file is too big (bots may download up to {MaxDownloadBytes / 1024 / 1024} MB)");

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private HttpContent CreateContent<TResult>(IBotRequest<TResult> request)
    {
        if (request is IUploadRequest { File.IsUpload: true } upload)
        {
            return CreateMultipart(request, upload);
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), BotApiJson.Options);
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static MultipartFormDataContent CreateMultipart(object request, IUploadRequest upload)
    {
        // The Bot API server reads part headers as raw bytes and knows only filename="…" (not RFC 5987's
        // filename*), so a Cyrillic file name must go as plain UTF-8 rather than .NET's encoded forms.
        var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        var fields = JsonSerializer.SerializeToNode(request, request.GetType(), BotApiJson.Options)!.AsObject();
        foreach (var (name, value) in fields)
        {
            if (name == upload.FileField || value is null)
            {
                continue;
            }

            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(BotApiJson.Options);
            var part = new StringContent(text, Encoding.UTF8);
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"");
            form.Add(part);
        }

        var file = upload.File.CreateContent();
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(upload.File.ContentType, out var type)
            ? type
            : new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.TryAddWithoutValidation(
            "Content-Disposition",
            $"form-data; name=\"{upload.FileField}\"; filename=\"{SafeFileName(upload.File.FileName)}\"");
        form.Add(file);
        return form;
    }

    // The server splits the header at ';' and strips quotes without unescaping, so these cannot appear in a name.
    private static string SafeFileName(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? "file"
            : string.Concat(name.Select(c => c is '"' or ';' or '\\' || char.IsControl(c) ? '_' : c));

    private TimeSpan TimeoutFor<TResult>(IBotRequest<TResult> request)
    {
        var seconds = RequestTimeoutSeconds();
        if (request is GetUpdatesRequest { Timeout: > 0 and var pollSeconds })
        {
            // Telegram holds a long poll open for its whole timeout when nothing happens; that is not a failure.
            seconds += pollSeconds;
        }
        else if (request is IUploadRequest { File.IsUpload: true })
        {
            // An upload of up to 50 MB on a slow link takes a while, and cutting it short risks a duplicate on retry.
            seconds += TransferAllowanceSeconds;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private int RequestTimeoutSeconds() => Math.Max(1, Options.RequestTimeoutSeconds);

    private string RequireToken()
    {
        var token = Options.BotToken?.Trim();
        return string.IsNullOrEmpty(token)
            ? throw new InvalidOperationException(
                "The Telegram bot token is not set: set the environment variable Telegram__BotToken (configuration key Telegram:BotToken) to the token from BotFather.")
            : token;
    }

    private string BaseUrl()
    {
        var baseUrl = Options.ApiBaseUrl?.Trim().TrimEnd('/');
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? baseUrl
            : throw new InvalidOperationException(
                $"Telegram:ApiBaseUrl '{TokenRedactor.Redact(Options.ApiBaseUrl, Options.BotToken?.Trim())}' is not an absolute http(s) URL.");
    }

    private Uri MethodUri(string token, string method) => ParseUri($"{BaseUrl()}/bot{token}/{method}");

    // The text holds the token: a parse failure gets a message of our own.
    private static Uri ParseUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException("Could not form a Bot API URL: check Telegram:ApiBaseUrl and that the token has no spaces or slashes.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {Method}: {Outcome} in {ElapsedMs} ms")]
    private static partial void LogCall(ILogger logger, string method, string outcome, long elapsedMs);
}
