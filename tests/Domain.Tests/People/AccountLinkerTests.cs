using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Invites;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CollegeBot.Domain.Tests.People.PeopleTestData;

namespace CollegeBot.Domain.Tests.People;

public sealed class AccountLinkerTests
{
    private const long Account = 5001;
    private const long OtherAccount = 5002;

    /// <summary>Links as the bot does: one unit of work, committed by the caller.</summary>
    private static async Task<LinkResult> LinkAsync(TestDatabase test, string code, long account = Account, string? language = null)
    {
        await using var db = test.NewDb();
        var result = await new AccountLinker(db, test.Clock).LinkAsync(code, account, account + 1_000_000, language, CancellationToken.None);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>The good file imported, and a fresh code for each of the given people.</summary>
    private static async Task<(TestDatabase Test, Dictionary<string, string> Codes)> ArrangeAsync(params string[] people)
    {
        var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);
        var codes = new Dictionary<string, string>();
        foreach (var person in people)
        {
            await using var db = test.NewDb();
            var issued = await new InviteIssuer(db, test.Clock).IssueAsync(new InviteFilter(Person: person), CancellationToken.None);
            codes[person] = Assert.Single(issued.Invites).InviteCode;
        }

        return (test, codes);
    }

    private static async Task<LinkAttempt?> AttemptAsync(TestDatabase test, long account = Account)
    {
        await using var db = test.NewDb();
        return await db.LinkAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.TelegramUserId == account);
    }

    [Fact]
    public async Task A_good_code_links_the_account_and_is_then_used()
    {
        var (test, codes) = await ArrangeAsync("S1002");
        await using var _ = test;

        var result = await LinkAsync(test, codes["S1002"], language: "ru");

        var linked = Assert.IsType<LinkResult.Linked>(result);
        Assert.Equal(("S1002", null), (linked.Person.Code, linked.PreviousTelegramUserId));
        var person = await test.PersonAsync("S1002");
        Assert.Equal((Account, Account + 1_000_000, test.Clock.UtcNow), (person.TelegramUserId, person.ChatId, person.LinkedAt));
        Assert.Equal("ru", person.Language);
        await using var db = test.NewDb();
        var invite = await db.InviteCodes.SingleAsync();
        Assert.Equal((test.Clock.UtcNow, Account), (invite.UsedAt, invite.UsedByTelegramUserId));
    }

    [Fact]
    public async Task The_language_from_telegram_is_taken_only_when_the_person_has_none()
    {
        var (test, codes) = await ArrangeAsync("S1001");
        await using var _ = test;

        await LinkAsync(test, codes["S1001"], language: "en");

        Assert.Equal("ky", (await test.PersonAsync("S1001")).Language);
    }

    [Fact]
    public async Task Linking_clears_a_block_and_a_new_code_moves_the_link_to_another_account()
    {
        var (test, codes) = await ArrangeAsync("M01");
        await using var _ = test;
        await LinkAsync(test, codes["M01"], OtherAccount);
        await using (var db = test.NewDb())
        {
            (await db.People.SingleAsync(p => p.Code == "M01")).BlockedAt = test.Clock.UtcNow;
            await db.SaveChangesAsync();
        }

        var fresh = await NewCodeAsync(test, "M01");
        var result = await LinkAsync(test, fresh);

        Assert.Equal(OtherAccount, Assert.IsType<LinkResult.Linked>(result).PreviousTelegramUserId);
        var person = await test.PersonAsync("M01");
        Assert.Equal((Account, (DateTime?)null), (person.TelegramUserId, person.BlockedAt));
    }

    [Theory]
    [InlineData("used")]
    [InlineData("expired")]
    [InlineData("revoked")]
    [InlineData("unknown")]
    [InlineData("not a code!")]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_code_that_cannot_link_is_refused_and_only_the_failure_is_counted(string kind)
    {
        var (test, codes) = await ArrangeAsync("S1001", "S1002");
        await using var _ = test;
        var (code, expected) = kind switch
        {
            "used" => (codes["S1001"], typeof(LinkResult.UsedCode)),
            "expired" => (codes["S1002"], typeof(LinkResult.ExpiredCode)),
            "revoked" => (codes["S1002"], typeof(LinkResult.ExpiredCode)),
            "unknown" => (InviteCodes.Generate(), typeof(LinkResult.UnknownCode)),
            _ => (kind, typeof(LinkResult.UnknownCode)),
        };
        if (kind == "used")
        {
            await LinkAsync(test, code, OtherAccount);
        }
        else if (kind == "expired")
        {
            test.Clock.Advance(TimeSpan.FromDays(30));
        }
        else if (kind == "revoked")
        {
            await NewCodeAsync(test, "S1002");
        }

        var before = await test.SnapshotAsync();

        var result = await LinkAsync(test, code);

        Assert.IsType(expected, result);
        Assert.Equal(before, await test.SnapshotAsync());
        Assert.Equal(1, (await AttemptAsync(test))?.Failures);
    }

    [Fact]
    public async Task An_account_linked_to_someone_else_is_refused_and_nothing_changes()
    {
        var (test, codes) = await ArrangeAsync("S1001", "S1002");
        await using var _ = test;
        await LinkAsync(test, codes["S1001"]);
        var before = await test.SnapshotAsync();

        var result = await LinkAsync(test, codes["S1002"]);
        var withNonsense = await LinkAsync(test, "nonsense");

        Assert.IsType<LinkResult.AccountLinkedToSomeoneElse>(result);
        Assert.IsType<LinkResult.AccountLinkedToSomeoneElse>(withNonsense);
        Assert.Equal(before, await test.SnapshotAsync());
        Assert.Null(await AttemptAsync(test));
    }

    [Fact]
    public async Task The_same_person_sending_a_code_again_is_already_linked_and_the_code_is_not_consumed()
    {
        var (test, codes) = await ArrangeAsync("S1001");
        await using var _ = test;
        await LinkAsync(test, codes["S1001"]);
        var spare = await NewCodeAsync(test, "S1001");
        var before = await test.SnapshotAsync();

        var again = await LinkAsync(test, codes["S1001"]);
        var withSpare = await LinkAsync(test, spare);

        Assert.Equal("S1001", Assert.IsType<LinkResult.AlreadyLinked>(again).Person.Code);
        Assert.IsType<LinkResult.AlreadyLinked>(withSpare);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task Repeated_wrong_codes_lock_the_account_until_the_lock_time_has_passed()
    {
        var (test, codes) = await ArrangeAsync("S1003");
        await using var _ = test;
        for (var i = 0; i < LinkThrottle.MaxFailures; i++)
        {
            Assert.IsType<LinkResult.UnknownCode>(await LinkAsync(test, $"wrong{i}"));
            test.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var locked = await LinkAsync(test, codes["S1003"]);
        var otherAccount = await LinkAsync(test, "wrong", OtherAccount);

        var wait = Assert.IsType<LinkResult.TooManyAttempts>(locked).RetryAfter;
        Assert.Equal(LinkThrottle.Lockout - TimeSpan.FromMinutes(1), wait);
        Assert.IsType<LinkResult.UnknownCode>(otherAccount);
        Assert.Null((await test.PersonAsync("S1003")).TelegramUserId);

        test.Clock.Advance(wait);
        var released = await LinkAsync(test, codes["S1003"]);

        Assert.IsType<LinkResult.Linked>(released);
        Assert.Null(await AttemptAsync(test));
    }

    [Fact]
    public async Task After_a_lock_has_passed_the_count_starts_again()
    {
        await using var test = await TestDatabase.CreateAsync();
        for (var i = 0; i < LinkThrottle.MaxFailures; i++)
        {
            await LinkAsync(test, "wrong");
        }

        test.Clock.Advance(LinkThrottle.Lockout);
        var next = await LinkAsync(test, "wrong");

        Assert.IsType<LinkResult.UnknownCode>(next);
        var attempt = await AttemptAsync(test);
        Assert.Equal((1, (DateTime?)null), (attempt!.Failures, attempt.LockedUntil));
    }

    [Fact]
    public async Task Failures_spread_beyond_the_window_do_not_lock()
    {
        await using var test = await TestDatabase.CreateAsync();
        for (var i = 0; i < LinkThrottle.MaxFailures - 1; i++)
        {
            await LinkAsync(test, "wrong");
        }

        test.Clock.Advance(LinkThrottle.Window);
        for (var i = 0; i < LinkThrottle.MaxFailures - 1; i++)
        {
            Assert.IsType<LinkResult.UnknownCode>(await LinkAsync(test, "wrong"));
        }

        Assert.Null((await AttemptAsync(test))!.LockedUntil);
    }

    private static async Task<string> NewCodeAsync(TestDatabase test, string person)
    {
        await using var db = test.NewDb();
        var issued = await new InviteIssuer(db, test.Clock).IssueAsync(new InviteFilter(Person: person), CancellationToken.None);
        return Assert.Single(issued.Invites).InviteCode;
    }
}
