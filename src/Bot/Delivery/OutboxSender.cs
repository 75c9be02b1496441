using CollegeBot.Bot.Commands;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Texts;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Delivery;

public enum SendOutcome
{
    /// <summary>Sent, or settled for good (blocked, failed, waiting for the person to link).</summary>
    Settled,

    /// <summary>Telegram asked everyone to wait (429); the message is still pending.</summary>
    RateLimited,

    /// <summary>Try again at once (the chat moved to a new id).</summary>
    RetryNow,

    /// <summary>A server or network error; the message waits for its back-off.</summary>
    Deferred,
}

/// <summary>Sends one outbox message: renders it in the recipient's language and records what Telegram answered.</summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    BotApiClient telegram,
    TextRenderer texts,
    CommandMenu menu,
    IOptions<DeliveryOptions> delivery,
    IOptions<CollegeOptions> college,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    public async Task<(SendOutcome Outcome, TimeSpan RetryAfter)> SendAsync(long outboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollegeDb>();
        var row = await db.Outbox.SingleAsync(o => o.Id == outboxId, ct);
        if (row.Status != OutboxStatus.Pending)
        {
            return (SendOutcome.Settled, TimeSpan.Zero);
        }

        var person = row.PersonId is { } personId ? await db.People.FindAsync([personId], ct) : null;
        var chatId = person?.ChatId ?? row.ChatId;
        var result = (SendOutcome.Settled, TimeSpan.Zero);
        if (person?.BlockedAt is not null)
        {
            Settle(row, OutboxStatus.Blocked, "the person has blocked the bot");
        }
        else if (chatId is not { } chat)
        {
            row.Status = OutboxStatus.AwaitingLink;
        }
        else
        {
            result = await TrySendAsync(row, person, chat, ct);
        }

        if (row.Status == OutboxStatus.Blocked && person is not null && row.Kind != "unreachable")
        {
            // Someone else must reach them: their curators hear who it is, with the phone from the roster.
            await scope.ServiceProvider.GetRequiredService<UnreachableNotice>().TellCuratorsAsync(person, CancellationToken.None);
        }

        // Whatever happened at Telegram is recorded even when the program is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    private async Task<(SendOutcome, TimeSpan)> TrySendAsync(OutboxMessage row, Person? person, long chatId, CancellationToken ct)
    {
        var language = person?.Language ?? row.Language ?? college.Value.DefaultLanguage;
        try
        {
            var message = OutgoingMessage.FromJson(row.Payload);
            if (message.RefreshCommandMenu && person is not null)
            {
                await RefreshMenuAsync(person, chatId, language, ct);
            }

            await DeliverAsync(row, message, chatId, language, ct);
            row.Attempts++;
            row.Status = OutboxStatus.Sent;
            row.SentAt = clock.GetUtcNow().UtcDateTime;
            return (SendOutcome.Settled, TimeSpan.Zero);
        }
        catch (ApiRequestException ex) when (ex.RetryAfter is { } seconds)
        {
            return (SendOutcome.RateLimited, TimeSpan.FromSeconds(Math.Max(1, seconds)));
        }
        catch (ApiRequestException ex) when (ex.MigrateToChatId is { } newChat)
        {
            logger.LogInformation("Chat {Old} moved to {New}; sending there", chatId, newChat);
            row.ChatId = newChat;
            if (person is not null)
            {
                person.ChatId = newChat;
            }

            return (SendOutcome.RetryNow, TimeSpan.Zero);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            Settle(row, OutboxStatus.Blocked, ex.Description);
            if (person is not null)
            {
                person.BlockedAt ??= clock.GetUtcNow().UtcDateTime;
                logger.LogInformation("Person {PersonId} cannot be reached: {Reason}", person.Id, ex.Description);
            }

            return (SendOutcome.Settled, TimeSpan.Zero);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            logger.LogError("Telegram refused outbox message {Id} ({Kind}): {Reason}", row.Id, row.Kind, ex.Description);
            Settle(row, OutboxStatus.Failed, ex.Description);
            return (SendOutcome.Settled, TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is ApiRequestException or BotApiNetworkException)
        {
            return Defer(row, ex.Message);
        }
    }

    private (SendOutcome, TimeSpan) Defer(OutboxMessage row, string reason)
    {
        row.Attempts++;
        row.LastError = reason;
        if (row.Attempts >= delivery.Value.MaxAttempts)
        {
            logger.LogError("Outbox message {Id} ({Kind}) failed after {Attempts} attempts: {Reason}", row.Id, row.Kind, row.Attempts, reason);
            row.Status = OutboxStatus.Failed;
            return (SendOutcome.Settled, TimeSpan.Zero);
        }

        // 2, 4, 8 ... seconds: few retries in a short window, since a send that timed out may have arrived.
        var wait = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, row.Attempts)));
        row.NotBefore = clock.GetUtcNow().UtcDateTime + wait;
        logger.LogWarning("Outbox message {Id} deferred {Seconds} s: {Reason}", row.Id, wait.TotalSeconds, reason);
        return (SendOutcome.Deferred, wait);
    }

    private static void Settle(OutboxMessage row, OutboxStatus status, string reason)
    {
        row.Status = status;
        row.LastError = reason;
    }

    private async Task DeliverAsync(OutboxMessage row, OutgoingMessage message, long chatId, string language, CancellationToken ct)
    {
        var html = texts.Render(message.Parts, language);
        var keyboard = message.Buttons is { Count: > 0 } rows
            ? new InlineKeyboardMarkup([.. rows.Select(r => r.Select(b => new InlineKeyboardButton(texts.Plain(b.Label, language)) { CallbackData = b.CallbackData }).ToArray())])
            : null;

        if (message.EditMessageId is { } editId && await TryEditAsync(chatId, editId, html, keyboard, ct))
        {
            row.TelegramMessageId = editId;
            return;
        }

        // The attachment is piece 0 of its own, so a retry after a failed text piece does not send the file again.
        var first = 0;
        if (message.Attachment is { } file)
        {
            if (row.PiecesSent == 0)
            {
                var input = InputFile.FromFileId(file.FileId);
                var silent = message.Silent ? true : (bool?)null;
                var sentFile = file.IsPhoto
                    ? await telegram.SendPhotoAsync(new SendPhotoRequest(chatId, input) { DisableNotification = silent }, ct)
                    : await telegram.SendDocumentAsync(new SendDocumentRequest(chatId, input) { DisableNotification = silent }, ct);
                row.PiecesSent = 1;
                row.TelegramMessageId = sentFile.MessageId;
            }

            first = 1;
        }

        var pieces = MessagePieces.Split(html);
        for (var i = row.PiecesSent - first; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            var sent = await telegram.SendMessageAsync(new SendMessageRequest(chatId, pieces[i])
            {
                ParseMode = "HTML",
                ReplyMarkup = last ? keyboard : null,
                LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
                DisableNotification = message.Silent ? true : null,
            }, ct);
            row.PiecesSent = first + i + 1;
            row.TelegramMessageId = sent.MessageId;
        }
    }

    /// <returns>False when the message to edit is gone, so a new one is sent instead.</returns>
    private async Task<bool> TryEditAsync(long chatId, int messageId, string html, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        try
        {
            await telegram.EditMessageTextAsync(new EditMessageTextRequest(chatId, messageId, html)
            {
                ParseMode = "HTML",
                ReplyMarkup = keyboard,
                LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
            }, ct);
            return true;
        }
        catch (ApiRequestException ex) when (ex.IsMessageNotModified)
        {
            return true;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            logger.LogDebug("Could not edit message {MessageId} ({Reason}); sending a new one", messageId, ex.Description);
            return false;
        }
    }

    /// <summary>The chat's command menu lists exactly the commands of the person's roles, in their language.</summary>
    private async Task RefreshMenuAsync(Person person, long chatId, string language, CancellationToken ct)
    {
        var commands = menu.For(person.Roles).Select(c => new BotCommand(c.Name, texts.Plain(c.Description, language))).ToArray();
        try
        {
            await telegram.SetMyCommandsAsync(new SetMyCommandsRequest(commands) { Scope = BotCommandScope.Chat(chatId) }, ct);
        }
        catch (Exception ex) when (ex is ApiRequestException { RetryAfter: null } or BotApiNetworkException)
        {
            // The menu is a convenience; the message itself matters more.
            logger.LogWarning("Setting the command menu for person {PersonId} failed: {Reason}", person.Id, ex.Message);
        }
    }
}
