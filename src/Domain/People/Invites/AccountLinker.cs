using CollegeBot.Domain.College;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.People.Invites;

/// <summary>
/// Links a Telegram account to a person with an invite code (<c>/start {code}</c>). It only tracks changes: the
/// caller commits them with the rest of the update's unit of work, including a failure's count.
/// </summary>
/// <remarks>
/// Order of the checks: a locked account is answered before the code is looked at; an account that is already
/// linked is answered by whom it is linked to (so a code cannot be tested from a linked account); only then does
/// the code decide. A revoked code answers <see cref="LinkResult.ExpiredCode"/>: to its holder it is simply no
/// longer valid, and they should use their newest one.
/// </remarks>
public sealed class AccountLinker(CollegeDb db, TimeProvider clock)
{
    public async Task<LinkResult> LinkAsync(string code, long telegramUserId, long chatId, string? telegramLanguage, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = await db.LinkAttempts.FindAsync([telegramUserId], ct);
        if (LinkThrottle.RetryAfter(attempt, now) is { } wait)
        {
            return new LinkResult.TooManyAttempts(wait);
        }

        code = code.Trim();
        var invite = InviteCodes.IsWellFormed(code) ? await FindAsync(InviteCodes.Hash(code), ct) : null;

        var current = await db.People.FirstOrDefaultAsync(p => p.TelegramUserId == telegramUserId, ct);
        if (current is not null)
        {
            return invite?.PersonId == current.Id
                ? new LinkResult.AlreadyLinked(current)
                : new LinkResult.AccountLinkedToSomeoneElse();
        }

        LinkResult? refusal = invite switch
        {
            null => new LinkResult.UnknownCode(),
            { UsedAt: not null } => new LinkResult.UsedCode(),
            { RevokedAt: not null } => new LinkResult.ExpiredCode(),
            _ when invite.ExpiresAt <= now => new LinkResult.ExpiredCode(),
            _ => null,
        };
        if (refusal is not null)
        {
            RecordFailure(attempt, telegramUserId, now);
            return refusal;
        }

        var person = invite!.Person!;
        var previous = person.TelegramUserId;
        person.LinkTo(telegramUserId, chatId, now);
        if (person.Language is null && Languages.IsSupported(telegramLanguage))
        {
            person.Language = telegramLanguage;
        }

        invite.UsedAt = now;
        invite.UsedByTelegramUserId = telegramUserId;
        if (attempt is not null)
        {
            db.LinkAttempts.Remove(attempt);
        }

        return new LinkResult.Linked(person, previous);
    }

    private async Task<InviteCode?> FindAsync(string hash, CancellationToken ct) =>
        await db.InviteCodes.Include(c => c.Person).FirstOrDefaultAsync(c => c.CodeHash == hash, ct);

    private void RecordFailure(LinkAttempt? attempt, long telegramUserId, DateTime now)
    {
        if (attempt is null)
        {
            attempt = new LinkAttempt { TelegramUserId = telegramUserId, WindowStartedAt = now };
            db.LinkAttempts.Add(attempt);
        }

        LinkThrottle.RecordFailure(attempt, now);
    }
}
