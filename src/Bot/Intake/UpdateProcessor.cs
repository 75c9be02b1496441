using System.Diagnostics;
using System.Text.Json;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Texts;
using CollegeBot.Domain.Intake;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Intake;

/// <summary>
/// Handles stored updates in update_id order; each commits together with the changes and messages it causes,
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
    private static readonly TimeSpan MaxBatchTime = TimeSpan.FromMilliseconds(250);

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

    /// <summary>
    /// Handles what is stored and not yet handled, a batch at a time, and returns how many updates were handled.
    /// The batch commits once (a commit is the dearest part of a small update); each update has its own savepoint, so
    /// one that fails is rolled back alone, gets its apology, and the others keep their work.
    /// </summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var pending = await db.Inbox.AsNoTracking().Where(i => i.HandledAt == null).OrderBy(i => i.UpdateId)
            .Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var router = scope.ServiceProvider.GetRequiredService<UpdateRouter>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var results = new List<RouteResult>(pending.Count);
        var batchTime = Stopwatch.StartNew();
        db.Database.AutoSavepointsEnabled = false; // our own savepoint covers each update whole
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in pending)
            {
                ct.ThrowIfCancellationRequested();
                results.Add(await HandleAsync(db, tx, router, outbox, row, ct));
                if (batchTime.Elapsed > MaxBatchTime)
                {
                    break; // the rest waits for the next batch, so the first replies do not wait long
                }
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }

        signals.Outbox.Notify();
        foreach (var result in results)
        {
            if (result.CallbackQueryId is { } queryId)
            {
                await AnswerCallbackAsync(queryId, result, ct);
            }
        }

        return results.Count;
    }

    /// <summary>Routes one update and marks it handled, both inside a savepoint of the batch's transaction.</summary>
    private async Task<RouteResult> HandleAsync(
        CollegeDb db, IDbContextTransaction tx, UpdateRouter router, Outbox outbox, InboxUpdate row, CancellationToken ct)
    {
        const string savepoint = "update";
        await tx.CreateSavepointAsync(savepoint, ct);
        Update? update = null;
        try
        {
            update = JsonSerializer.Deserialize<Update>(row.Payload, BotApiJson.Options)
                ?? throw new JsonException($"update {row.UpdateId} is empty");
            var result = await router.RouteAsync(update, ct);
            MarkHandled(db, row, error: null);
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Handling update {UpdateId} failed; the person gets an apology", row.UpdateId);
            await tx.RollbackToSavepointAsync(savepoint, ct);
            db.ChangeTracker.Clear();
            var failed = await RecordFailureAsync(db, router, outbox, row, update, ex, ct);
            await db.SaveChangesAsync(ct);
            return failed;
        }
        finally
        {
            // The next update reads what this one wrote from the database, not from entities left behind.
            db.ChangeTracker.Clear();
            await tx.ReleaseSavepointAsync(savepoint, ct);
        }
    }

    private void MarkHandled(CollegeDb db, InboxUpdate row, string? error)
    {
        db.Inbox.Attach(row);
        row.HandledAt = clock.GetUtcNow().UtcDateTime;
        row.Error = error;
    }

    /// <summary>Marks a failed update handled (so it is not retried forever) and queues an apology.</summary>
    private async Task<RouteResult> RecordFailureAsync(
        CollegeDb db, UpdateRouter router, Outbox outbox, InboxUpdate row, Update? update, Exception error, CancellationToken ct)
    {
        var reason = $"{error.GetType().Name}: {error.Message}";
        MarkHandled(db, row, reason.Length <= 1000 ? reason : reason[..1000]);

        var from = update?.Message?.From ?? update?.CallbackQuery?.From;
        var chatId = update?.Message?.Chat.Id ?? update?.CallbackQuery?.Message?.Chat.Id;
        var language = Domain.College.Languages.Default;
        if (from is not null && chatId is { } chat)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.TelegramUserId == from.Id, ct);
            language = router.LanguageFor(person, from);
            outbox.Reply(chat, person, language, OutgoingMessage.Of(Text.Of("error.apology")), kind: "apology");
        }

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
