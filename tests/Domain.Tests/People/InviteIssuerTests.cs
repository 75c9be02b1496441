using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Invites;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CollegeBot.Domain.Tests.People.PeopleTestData;

namespace CollegeBot.Domain.Tests.People;

public sealed class InviteIssuerTests
{
    private static async Task<IssueResult> IssueAsync(TestDatabase test, InviteFilter filter, int validDays = InviteIssuer.DefaultValidDays)
    {
        await using var db = test.NewDb();
        return await new InviteIssuer(db, test.Clock).IssueAsync(filter, validDays, CancellationToken.None);
    }

    private static async Task<TestDatabase> ImportedAsync()
    {
        var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);
        return test;
    }

    [Fact]
    public void Codes_are_22_url_safe_characters_and_unique()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => InviteCodes.Generate()).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9_-]{21}$", c));
        Assert.All(codes, c => Assert.True(InviteCodes.IsWellFormed(c)));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_hash_is_sha256_in_lowercase_hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InviteCodes.Hash("abc"));
    }

    [Fact]
    public async Task Each_unlinked_person_gets_one_code_for_all_their_roles_and_only_its_hash_is_stored()
    {
        await using var test = await ImportedAsync();
        await using (var db = test.NewDb())
        {
            (await db.People.SingleAsync(p => p.Code == "A01")).TelegramUserId = 42;
            await db.SaveChangesAsync();
        }

        var result = await IssueAsync(test, InviteFilter.Everyone);

        Assert.True(result.Succeeded);
        Assert.Equal(["M01", "P01", "P02", "S1001", "S1002", "S1003", "T01"], result.Invites.Select(i => i.Code).Order());
        var dina = result.Invites.Single(i => i.Code == "T01");
        Assert.Equal(("curator|teacher", "Dina Petrova", "IT-1-23|IT-2-23"), (dina.Roles, dina.FullName, dina.Group));
        Assert.Equal("IT-1-23", result.Invites.Single(i => i.Code == "P01").Group);

        await using var check = test.NewDb();
        var stored = await check.InviteCodes.Include(c => c.Person).ToListAsync();
        Assert.Equal(7, stored.Count);
        var dinaCode = stored.Single(c => c.Person!.Code == "T01");
        Assert.Equal(InviteCodes.Hash(dina.InviteCode), dinaCode.CodeHash);
        Assert.DoesNotContain(stored, c => c.CodeHash == dina.InviteCode);
        Assert.Equal(test.Clock.UtcNow.AddDays(30), dinaCode.ExpiresAt);
    }

    [Fact]
    public async Task The_role_filter_picks_people_who_hold_that_role()
    {
        await using var test = await ImportedAsync();

        var result = await IssueAsync(test, new InviteFilter(Role: " Teacher "));

        Assert.Equal("T01", Assert.Single(result.Invites).Code);
    }

    [Fact]
    public async Task The_group_filter_picks_its_students_its_curators_and_their_parents()
    {
        await using var test = await ImportedAsync();

        var group2 = await IssueAsync(test, new InviteFilter(Group: "it-2-23"));
        var parentsOfGroup1 = await IssueAsync(test, new InviteFilter(Role: "parent", Group: "IT-1-23"));

        Assert.Equal(["P02", "S1003", "T01"], group2.Invites.Select(i => i.Code).Order());
        Assert.Equal("P01", Assert.Single(parentsOfGroup1.Invites).Code);
    }

    [Theory]
    [InlineData("janitor", null, "unknown role 'janitor'")]
    [InlineData(null, "IT-7-99", "unknown group 'IT-7-99'")]
    public async Task An_unknown_role_or_group_is_an_error_and_issues_nothing(string? role, string? group, string error)
    {
        await using var test = await ImportedAsync();

        var result = await IssueAsync(test, new InviteFilter(role, group));

        Assert.False(result.Succeeded);
        Assert.StartsWith(error, result.Error);
        Assert.Empty(result.Invites);
        await using var db = test.NewDb();
        Assert.Equal(0, await db.InviteCodes.CountAsync());
    }

    [Fact]
    public async Task Reissuing_revokes_the_earlier_unused_code()
    {
        await using var test = await ImportedAsync();
        var first = await IssueAsync(test, new InviteFilter(Role: "mentor"));
        test.Clock.Advance(TimeSpan.FromDays(2));

        var second = await IssueAsync(test, new InviteFilter(Role: "mentor"), validDays: 7);

        Assert.NotEqual(first.Invites[0].InviteCode, second.Invites[0].InviteCode);
        await using var db = test.NewDb();
        var codes = await db.InviteCodes.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, codes.Count);
        Assert.Equal(test.Clock.UtcNow, codes[0].RevokedAt);
        Assert.Null(codes[1].RevokedAt);
        Assert.Equal(test.Clock.UtcNow.AddDays(7), codes[1].ExpiresAt);
    }

    [Fact]
    public async Task A_linked_person_can_be_given_a_code_by_their_own_code_to_move_the_link()
    {
        await using var test = await ImportedAsync();
        await using (var db = test.NewDb())
        {
            (await db.People.SingleAsync(p => p.Code == "A01")).TelegramUserId = 42;
            await db.SaveChangesAsync();
        }

        var result = await IssueAsync(test, new InviteFilter(Person: "A01"));
        var unknown = await IssueAsync(test, new InviteFilter(Person: "Z99"));

        Assert.Equal("A01", Assert.Single(result.Invites).Code);
        Assert.Equal("unknown person 'Z99'", unknown.Error);
    }

    [Fact]
    public async Task The_invites_file_has_the_header_and_a_deep_link_per_person()
    {
        var invites = new[]
        {
            new IssuedInvite("S1", "student", "Osmonov, Bakyt", "IT-1-23", "abcDEF123_-xyzXYZ789012"),
            new IssuedInvite("T1", "curator|teacher", "=Petrova", "IT-1-23|IT-2-23", "ZZZ"),
        };
        var output = new StringWriter();

        await InviteCsv.WriteAsync(output, invites, "@college_bot", CancellationToken.None);

        Assert.Equal(
            "code,role,full_name,group,invite_code,link\r\n"
            + "S1,student,\"Osmonov, Bakyt\",IT-1-23,abcDEF123_-xyzXYZ789012,https://t.me/college_bot?start=abcDEF123_-xyzXYZ789012\r\n"
            + "T1,curator|teacher,\"'=Petrova\",IT-1-23|IT-2-23,ZZZ,https://t.me/college_bot?start=ZZZ\r\n",
            output.ToString());
    }
}
