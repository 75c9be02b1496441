using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollegeBot.FakeTelegram;

/// <summary>
/// A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests. It speaks the real HTTP protocol
/// (<c>POST {BaseUrl}/bot{token}/{method}</c> with JSON, form or multipart bodies, envelopes, file downloads
/// at <c>{BaseUrl}/file/bot{token}/{file_path}</c>), keeps Telegram's rules and limits, and lets the test act
/// as Telegram users and read what each chat received. Every member is thread-safe.
/// </summary>
public sealed partial class FakeBotApiServer : IAsyncDisposable
{
    private readonly FakeServerOptions options;
    private readonly FakeState state;
    private readonly UpdateQueue updates;
    private readonly FileStore files = new();
    private readonly FaultPlan faults = new();
    private readonly MethodTable methods;
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;
    private WebhookDeliverer? deliverer;

    private FakeBotApiServer(FakeServerOptions options)
    {
        this.options = options;
        state = new FakeState(options);
        updates = new UpdateQueue();
        methods = new MethodTable(state, updates, files);
    }

    /// <summary>"http://127.0.0.1:PORT", without a trailing slash: the Bot API base URL to give the bot.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The token the server accepts.</summary>
    public string Token => options.Token;

    /// <summary>The bot's username, without '@'.</summary>
    public string BotUsername => options.BotUsername;

    /// <summary>The bot's user id (the part of the token before ':').</summary>
    public long BotId => options.BotId;

    public FakeServerOptions Options => options;

    /// <summary>Starts a server on a free port of 127.0.0.1.</summary>
    public static async Task<FakeBotApiServer> StartAsync(FakeServerOptions? options = null, CancellationToken ct = default)
    {
        var server = new FakeBotApiServer(options ?? new FakeServerOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The test's working directory may hold the bot's appsettings.json and the environment may name URLs:
        // neither may move the fake's port or loosen its logging.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
            form.MultipartBodyLengthLimit = 64L * 1024 * 1024);

        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        server.app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        if (server.options.DeliverWebhooks)
        {
            server.deliverer = new WebhookDeliverer(server.updates, server.state.Clock, server.options.WebhookRetryDelay);
            server.deliverer.Start();
        }

        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path["/file/bot".Length..]);
            return;
        }

        var parts = path.Split('/', 3, StringSplitOptions.None);
        if (parts.Length != 3 || parts[0].Length != 0 || !parts[1].StartsWith("bot", StringComparison.Ordinal) || parts[2].Contains('/'))
        {
            await WriteErrorAsync(context, new ApiException(404, "Not Found"));
            return;
        }

        var token = Uri.UnescapeDataString(parts[1]["bot".Length..]);
        var method = methods.Find(parts[2]);
        var name = method?.Name ?? parts[2];
        if (token != options.Token)
        {
            Log(name, null, 401, "Unauthorized", null, "{}");
            await WriteErrorAsync(context, new ApiException(401, "Unauthorized"));
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        var ct = linked.Token;
        ApiRequest request;
        try
        {
            request = await ApiRequest.ReadAsync(context.Request, ct);
        }
        catch (ApiException e)
        {
            Log(name, null, e.ErrorCode, e.Description, null, "{}");
            await WriteErrorAsync(context, e);
            return;
        }

        if (method is null)
        {
            Log(name, request.ChatIdForLog(), 404, "Not Found", null, request.ToLogJson());
            await WriteErrorAsync(context, new ApiException(404, "Not Found"));
            return;
        }

        await AnswerAsync(context, method, request, ct);
    }

    private async Task AnswerAsync(HttpContext context, BotMethod method, ApiRequest request, CancellationToken ct)
    {
        var chatId = request.ChatIdForLog();
        var parameters = request.ToLogJson();
        try
        {
            var delay = faults.DelayFor(method.Name);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct);
            }

            var fault = faults.Take(method.Name);
            switch (fault?.Kind)
            {
                case FaultKind.DropBefore:
                    Log(method.Name, chatId, 0, "connection dropped (fault)", null, parameters);
                    context.Abort();
                    return;
                case FaultKind.NonJson:
                    Log(method.Name, chatId, fault.HttpStatus, "non-JSON answer (fault)", null, parameters);
                    context.Response.StatusCode = fault.HttpStatus;
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync(
                        $"<html><head><title>{fault.HttpStatus} Bad Gateway</title></head><body><center><h1>{fault.HttpStatus} Bad Gateway</h1></center></body></html>", ct);
                    return;
                case FaultKind.Error:
                    throw new ApiException(fault.HttpStatus, fault.Description ?? "", fault.RetryAfter, fault.MigrateToChatId);
            }

            var result = await method.Handle(request, ct);
            if (fault?.Kind == FaultKind.DropAfter)
            {
                Log(method.Name, chatId, 0, "connection dropped after the call was done (fault)", null, parameters);
                context.Abort();
                return;
            }

            Log(method.Name, chatId, 200, null, null, parameters);
            var envelope = Json.Obj(("ok", true), ("result", result.Result ?? JsonValue.Create(true)), ("description", result.Description));
            await WriteJsonAsync(context, 200, envelope);
        }
        catch (ApiException e)
        {
            Log(method.Name, chatId, e.ErrorCode, e.Description, e.RetryAfter, parameters);
            await WriteErrorAsync(context, e);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log(method.Name, chatId, 0, "the client went away or the server stopped", null, parameters);
            context.Abort();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A parameter of an unexpected type: Telegram answers 400 to those, never 500.
            var error = new ApiException(400, "Bad Request: " + e.Message);
            Log(method.Name, chatId, 400, error.Description, null, parameters);
            await WriteErrorAsync(context, error);
        }
    }

    private async Task ServeFileAsync(HttpContext context, string rest)
    {
        var slash = rest.IndexOf('/');
        var token = slash < 0 ? rest : Uri.UnescapeDataString(rest[..slash]);
        var file = slash < 0 || token != options.Token ? null : files.FindByPath(Uri.UnescapeDataString(rest[(slash + 1)..]));
        Log("file", null, file is null ? 404 : 200, file is null ? "Not Found" : null, null, "{}");
        if (file is null)
        {
            await WriteErrorAsync(context, new ApiException(404, "Not Found"));
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = file.MimeType;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private async Task WriteErrorAsync(HttpContext context, ApiException e)
    {
        if (e.ErrorCode == 429)
        {
            lock (state.Gate)
            {
                state.TooManyRequests++;
            }
        }

        var parameters = e.RetryAfter is null && e.MigrateToChatId is null
            ? null
            : Json.Obj(("retry_after", e.RetryAfter), ("migrate_to_chat_id", e.MigrateToChatId));
        var envelope = Json.Obj(
            ("ok", false), ("error_code", e.ErrorCode), ("description", e.Description), ("parameters", parameters));
        await WriteJsonAsync(context, e.ErrorCode, envelope);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Json.Write(body), context.RequestAborted);
    }

    private void Log(string method, long? chatId, int status, string? error, int? retryAfter, string parameters)
    {
        lock (state.Gate)
        {
            state.Requests.Add(new RecordedRequest(method, chatId, state.Now, status, error, retryAfter, parameters));
            state.NotifyChanged();
        }
    }

    /// <summary>Stops the server; pending long polls end at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        updates.Dispose();
        if (deliverer is not null)
        {
            await deliverer.DisposeAsync();
        }

        if (app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }
}
