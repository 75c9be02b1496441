using CollegeBot.Bot.Telegram;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Routing;

/// <summary>What the processor does after the update's transaction commits.</summary>
public sealed record RouteResult(string? CallbackQueryId = null, Text? Toast = null, string Language = Languages.Default);

/// <summary>
/// The one place that knows command names and callback prefixes: finds who wrote, checks their role, runs the
/// handler and queues its reply. Everything it writes joins the caller's unit of work.
/// </summary>
public sealed class UpdateRouter(
    CollegeDb db,
    IEnumerable<ICommand> commands,
    IEnumerable<ICallbackHandler> callbackHandlers,
    IEnumerable<IConversationFlow> flows,
    Conversations conversations,
    Outbox outbox,
    BotIdentity bot,
    TimeProvider clock,
    IOptions<CollegeOptions> college,
    ILogger<UpdateRouter> logger)
{
    public async Task<RouteResult> RouteAsync(Update update, CancellationToken ct)
    {
        if (update.Message is { Chat.Type: "private", From: { } from } message)
        {
            await OnMessageAsync(update.UpdateId, message, from, ct);
        }
        else if (update.CallbackQuery is { } query)
        {
            return await OnCallbackAsync(update.UpdateId, query, ct);
        }
        else if (update.MyChatMember is { Chat.Type: "private" } membership)
        {
            await OnMembershipAsync(membership, ct);
        }

        return new RouteResult();
    }

    /// <summary>The language to answer someone in: their own choice, else Telegram's, else the college's.</summary>
    public string LanguageFor(Person? person, User from) =>
        person?.Language ?? Languages.FromTelegram(from.LanguageCode) ?? college.Value.DefaultLanguage;

    private async Task OnMessageAsync(long updateId, Message message, User from, CancellationToken ct)
    {
        var caller = await FindCallerAsync(from.Id, ct);
        var language = LanguageFor(caller, from);
        var chatId = message.Chat.Id;

        if (!CommandText.TryParse(message, bot.Username, out var name, out var arguments))
        {
            var answer = caller is null
                ? Reply.With("start.need_invite")
                : await ContinueFlowAsync(new CommandContext(updateId, from, chatId, caller, language, "", message.Text ?? message.Caption ?? "", message), ct);
            if (answer.Message is { } said)
            {
                outbox.Reply(chatId, caller, language, said);
            }

            return;
        }

        if (caller is not null && name != "cancel")
        {
            // A command leaves any flow in progress, so a half-finished flow never catches a later message.
            await conversations.EndAsync(caller, ct);
        }

        var command = commands.FirstOrDefault(c => c.Name == name);
        Reply reply;
        if (command is null)
        {
            reply = Reply.With(Text.Of("unknown_command").With("command", "/" + name));
        }
        else if (Refusal(command.AllowedRoles, caller, name) is { } refusal)
        {
            reply = Reply.With(refusal);
        }
        else
        {
            logger.LogDebug("Update {UpdateId}: /{Command} from person {PersonId}", updateId, name, caller?.Id);
            var ctx = new CommandContext(updateId, from, chatId, caller, language, name, arguments, message);
            reply = await command.HandleAsync(ctx, ct);
        }

        if (reply.Message is { } outgoing)
        {
            outbox.Reply(chatId, caller, language, outgoing);
        }
    }

    private async Task<RouteResult> OnCallbackAsync(long updateId, CallbackQuery query, CancellationToken ct)
    {
        var caller = await FindCallerAsync(query.From.Id, ct);
        var language = LanguageFor(caller, query.From);
        var data = query.Data ?? "";
        var colon = data.IndexOf(':');
        var prefix = colon < 0 ? data : data[..colon];
        var handler = callbackHandlers.FirstOrDefault(h => h.Prefix == prefix);

        if (caller is null || query.Message is not { } pressed)
        {
            return new RouteResult(query.Id, Text.Of("refuse.not_linked"), language);
        }

        if (handler is null)
        {
            return new RouteResult(query.Id, Text.Of("refuse.button_expired"), language);
        }

        if (handler.AllowedRoles != Roles.None && !caller.Has(handler.AllowedRoles))
        {
            logger.LogWarning("Update {UpdateId}: person {PersonId} pressed a {Prefix} button their roles do not allow", updateId, caller.Id, prefix);
            return new RouteResult(query.Id, Text.Of("refuse.button_not_yours"), language);
        }

        var ctx = new CallbackContext(updateId, query.From, pressed.Chat.Id, caller, language,
            colon < 0 ? "" : data[(colon + 1)..], pressed.MessageId, query);
        var reply = await handler.HandleAsync(ctx, ct);
        if (reply.Message is { } outgoing)
        {
            outbox.Reply(pressed.Chat.Id, caller, language, outgoing);
        }

        return new RouteResult(query.Id, reply.Toast, language);
    }

    private async Task<Reply> ContinueFlowAsync(CommandContext ctx, CancellationToken ct)
    {
        var conversation = await conversations.CurrentAsync(ctx.Person, ct);
        var flow = conversation is null ? null : flows.FirstOrDefault(f => f.Flow == conversation.Flow);
        return flow is null ? Reply.With("not_a_command") : await flow.ContinueAsync(ctx, conversation!, ct);
    }

    /// <summary>In a private chat Telegram says "kicked" when the person blocks the bot and "member" when they come back.</summary>
    private async Task OnMembershipAsync(ChatMemberUpdated membership, CancellationToken ct)
    {
        var person = await FindCallerAsync(membership.From.Id, ct);
        if (person is null)
        {
            return;
        }

        var blocked = membership.NewChatMember.IsGone;
        person.BlockedAt = blocked ? person.BlockedAt ?? clock.GetUtcNow().UtcDateTime : null;
        logger.LogInformation("Person {PersonId} {Action} the bot", person.Id, blocked ? "blocked" : "unblocked");
    }

    /// <summary>The linked person writing, with their flow in progress (every message looks at it).</summary>
    private Task<Person?> FindCallerAsync(long telegramUserId, CancellationToken ct) => CallerQuery(db, telegramUserId, ct);

    // Every update runs it: compiled once, instead of being looked up in EF's query cache each time.
    private static readonly Func<CollegeDb, long, CancellationToken, Task<Person?>> CallerQuery =
        EF.CompileAsyncQuery((CollegeDb db, long telegramUserId, CancellationToken ct) =>
            db.People.Include(p => p.Conversation).FirstOrDefault(p => p.TelegramUserId == telegramUserId));

    private static Text? Refusal(Roles allowed, Person? caller, string command)
    {
        if (allowed == Roles.None)
        {
            return null;
        }

        if (caller is null)
        {
            return Text.Of("refuse.not_linked");
        }

        return caller.Has(allowed)
            ? null
            : Text.Of("refuse.role").With("command", command).WithRoles("allowed", allowed).WithRoles("roles", caller.Roles);
    }
}
