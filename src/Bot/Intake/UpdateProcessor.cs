using System.Text.Json;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Texts;
using CollegeBot.Domain.Intake;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Intake;

/// <summary>
/// Handles stored updates in update_id order, each in one transaction with the changes and messages it causes,
/// so a crash at any point neither loses an update nor handles one twice.
/// </summary>
public sealed class UpdateProcessor(
    IServiceScopeFactory scopes,
    Signals signals,
    BotApiClient telegram,
    TextRenderer texts,
    TimeProvider clock,
    ILogger<UpdateProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan IdleLook = TimeSpan.FromSeconds(1);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessPendingAsync(stoppingToken) == 0)
                {
                    await signals.Inbox.WaitAsync(IdleLook, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database itself failed (locked, disk full): wait and look again; nothing was marked handled.
                logger.LogError(ex, "Processing stored updates failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>Handles what is stored and not yet handled; returns how many updates were handled.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
            ids = await db.Inbox.Where(i => i.HandledAt == null).OrderBy(i => i.UpdateId)
                .Select(i => i.UpdateId).Take(BatchSize).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            await ProcessOneAsync(id, ct);
        }

        if (ids.Count > 0)
        {
            signals.Outbox.Notify();
        }

        return ids.Count;
    }

    private async Task ProcessOneAsync(long updateId, CancellationToken ct)
    {
        RouteResult result;
        Update? update = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Inbox.SingleAsync(i => i.UpdateId == updateId, ct);
            if (row.HandledAt is not null)
            {
                return;
            }

            update = JsonSerializer.Deserialize<Update>(row.Payload, BotApiJson.Options)
                ?? throw new JsonException($"update {updateId} is empty");
            result = await scope.ServiceProvider.GetRequiredService<UpdateRouter>().RouteAsync(update, ct);
            row.HandledAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling update {UpdateId} failed; the person gets an apology", updateId);
            result = await RecordFailureAsync(updateId, update, ex, ct);
        }

        if (result.CallbackQueryId is { } queryId)
        {
            await AnswerCallbackAsync(queryId, result, ct);
        }
    }

    /// <summary>Marks a failed update handled (so it is not retried forever) and queues an apology, in one commit.</summary>
    private async Task<RouteResult> RecordFailureAsync(long updateId, Update? update, Exception error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var row = await db.Inbox.SingleAsync(i => i.UpdateId == updateId, ct);
        row.HandledAt = clock.GetUtcNow().UtcDateTime;
        var reason = $"{error.GetType().Name}: {error.Message}";
        row.Error = reason.Length <= 1000 ? reason : reason[..1000];

        var from = update?.Message?.From ?? update?.CallbackQuery?.From;
        var chatId = update?.Message?.Chat.Id ?? update?.CallbackQuery?.Message?.Chat.Id;
        var router = scope.ServiceProvider.GetRequiredService<UpdateRouter>();
        var language = Domain.College.Languages.Default;
        if (from is not null && chatId is { } chat)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.TelegramUserId == from.Id, ct);
            language = router.LanguageFor(person, from);
            scope.ServiceProvider.GetRequiredService<Outbox>()
                .Reply(chat, person, language, OutgoingMessage.Of(Text.Of("error.apology")), kind: "apology");
        }

        await db.SaveChangesAsync(ct);
        return new RouteResult(update?.CallbackQuery?.Id, null, language);
    }

    /// <summary>Stops the spinner on the person's button; a late or failed answer harms nothing.</summary>
    private async Task AnswerCallbackAsync(string queryId, RouteResult result, CancellationToken ct)
    {
        try
        {
            var toast = result.Toast is null ? null : texts.Plain(result.Toast, result.Language);
            await telegram.AnswerCallbackQueryAsync(new AnswerCallbackQueryRequest(queryId) { Text = toast }, ct);
        }
        catch (Exception ex) when (ex is ApiRequestException or BotApiNetworkException)
        {
            logger.LogDebug("Answering callback query failed: {Reason}", ex.Message);
        }
    }
}
